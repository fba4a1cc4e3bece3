//! A tiny HTML writer for the parts of a screen that have no behaviour and are rebuilt
//! whole (tables, chart keys, the radar figures). One string per part costs far less
//! WebAssembly than a Leptos view per cell, and the citizen downloads every byte.
//!
//! Safety: tag and attribute names are `&'static str` written in our own code; every text
//! and attribute value is escaped. Only [`Html::trusted_svg`] inserts markup, and only the
//! charts' SVG, whose texts plotters has escaped.

/// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped: safe as element text and as a
/// quoted attribute value. [`PART`] is written as a character reference, so that a text
/// (a note, a goal's id from a file) can never split a drawn screen into parts.
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            PART => out.push_str("&#1;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Separates the parts of a drawn screen, so that the page replaces only the parts that
/// changed. A control character that our own texts never contain and [`escape_into`]
/// never lets through: escaped text can contain neither markup nor a part's end.
pub const PART: char = '\u{1}';

/// An HTML fragment being written.
#[derive(Default)]
pub struct Html(String);

impl Html {
    pub fn new() -> Html {
        Html(String::with_capacity(1024))
    }

    /// `<tag a="v" …>`.
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Html {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape_into(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    pub fn close(&mut self, tag: &'static str) -> &mut Html {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    pub fn text(&mut self, text: &str) -> &mut Html {
        escape_into(&mut self.0, text);
        self
    }

    /// `<tag …>text</tag>`.
    pub fn el(&mut self, tag: &'static str, attrs: &[(&'static str, &str)], text: &str) -> &mut Html {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// Ends one part of a screen and starts the next (see [`PART`]).
    pub fn part(&mut self) -> &mut Html {
        self.0.push(PART);
        self
    }

    /// A fragment another [`Html`] wrote (and so escaped): a step's body in its screen.
    pub fn written(&mut self, fragment: &str) -> &mut Html {
        self.0.push_str(fragment);
        self
    }

    /// A chart drawn by [`crate::chart`].
    pub fn trusted_svg(&mut self, svg: &str) -> &mut Html {
        self.0.push_str(svg);
        self
    }

    pub fn finish(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attribute_values_are_escaped() {
        let mut html = Html::new();
        html.open("td", &[("title", "\"><script>alert(1)</script>")])
            .text("<img src=x onerror=alert(1)> & 'x'")
            .close("td");
        assert_eq!(
            html.finish(),
            "<td title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">\
             &lt;img src=x onerror=alert(1)&gt; &amp; &#39;x&#39;</td>"
        );
    }

    #[test]
    fn a_text_cannot_end_a_part() {
        // A note or an id from a file with the parts' separator in it: escaped, the
        // separator is only ever the one `part()` writes, and the parser reads `&#1;` back
        // as the character it was.
        let hostile = format!("before{PART}<b>after</b>");
        let mut html = Html::new();
        html.el("p", &[("data-goal", &hostile)], &hostile).part().el("p", &[], "next");
        let written = html.finish();
        assert_eq!(written.matches(PART).count(), 1);
        assert_eq!(
            written.split(PART).next(),
            Some("<p data-goal=\"before&#1;&lt;b&gt;after&lt;/b&gt;\">before&#1;&lt;b&gt;after&lt;/b&gt;</p>")
        );
    }

    #[test]
    fn elements_nest_in_order() {
        let mut html = Html::new();
        html.open("tr", &[]).el("th", &[("scope", "row")], "Uge 47").el("td", &[], "56").close("tr");
        assert_eq!(html.finish(), "<tr><th scope=\"row\">Uge 47</th><td>56</td></tr>");
    }
}
