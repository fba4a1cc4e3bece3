//! Escaping text for HTML and SVG markup: the charts' SVG (plotters' text, which may be a
//! citizen's goal or a line's name in any language) is placed in the page as markup.

/// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped: safe as element text and as a
/// quoted attribute value.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attribute_values_are_escaped() {
        let mut out = String::from("<text title=\"");
        escape_into(&mut out, "\"><script>alert(1)</script>");
        out.push_str("\">");
        escape_into(&mut out, "<img src=x onerror=alert(1)> & 'x'");
        assert_eq!(
            out,
            "<text title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">\
             &lt;img src=x onerror=alert(1)&gt; &amp; &#39;x&#39;"
        );
    }
}
