//! A plotters drawing backend that writes compact SVG: every run of drawings in the same
//! style becomes one `<path>` (a line with gaps is one path with several `M`oves; all the
//! markers of a line are one path), texts become `<text>`. plotters' own SVG backend
//! writes an element per segment and per marker: for ten years of weekly data that is
//! thousands of elements, which the browser then parses and lays out on every re-draw.
//!
//! Texts are escaped. Text size is estimated, never measured: plotters' browser font code
//! would add a hidden element to the page and force a layout for each label.

use std::convert::Infallible;
use std::fmt::Write;

use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind};

use crate::formats::html::escape_into;

/// What one `<path>` draws with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Paint {
    fill: bool,
    rgb: (u8, u8, u8),
    /// Opacity in hundredths.
    opacity: u8,
    width: u32,
}

impl Paint {
    fn of<S: BackendStyle>(style: &S, fill: bool) -> Paint {
        let color: BackendColor = style.color();
        let opacity = (color.alpha.clamp(0.0, 1.0) * 100.0).round() as u8;
        Paint { fill, rgb: color.rgb, opacity, width: style.stroke_width() }
    }
}

/// Draws into a `String` of SVG.
pub struct PathBackend<'a> {
    out: &'a mut String,
    size: (u32, u32),
    /// `stroke-dasharray` for the strokes of a colour at a width.
    dashes: Vec<((u8, u8, u8), u32, &'static str)>,
    /// The path being collected and its paint.
    open: Option<(Paint, String)>,
    finished: bool,
}

impl<'a> PathBackend<'a> {
    pub fn new(out: &'a mut String, size: (u32, u32)) -> PathBackend<'a> {
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
             aria-hidden=\"true\" focusable=\"false\">",
            w = size.0,
            h = size.1
        );
        PathBackend { out, size, dashes: Vec::new(), open: None, finished: false }
    }

    /// Strokes of colour `rgb` at `width` are dashed with `dash` (an SVG dash array).
    pub fn dash(mut self, rgb: (u8, u8, u8), width: u32, dash: &'static str) -> PathBackend<'a> {
        self.dashes.push((rgb, width, dash));
        self
    }

    /// The path data to append to for `paint`: the open path if it has that paint.
    fn path(&mut self, paint: Paint) -> &mut String {
        if self.open.as_ref().is_some_and(|(p, _)| *p != paint) {
            self.flush();
        }
        &mut self.open.get_or_insert_with(|| (paint, String::with_capacity(256))).1
    }

    fn flush(&mut self) {
        let Some((paint, d)) = self.open.take() else { return };
        let (r, g, b) = paint.rgb;
        let _ = write!(self.out, "<path d=\"{d}\"");
        if paint.fill {
            let _ = write!(self.out, " fill=\"#{r:02X}{g:02X}{b:02X}\"");
            if paint.opacity < 100 {
                let _ = write!(self.out, " fill-opacity=\"0.{:02}\"", paint.opacity);
            }
        } else {
            let _ = write!(
                self.out,
                " fill=\"none\" stroke=\"#{r:02X}{g:02X}{b:02X}\" stroke-width=\"{}\" stroke-linejoin=\"round\"",
                paint.width
            );
            if paint.opacity < 100 {
                let _ = write!(self.out, " stroke-opacity=\"0.{:02}\"", paint.opacity);
            }
            if let Some((_, _, dash)) = self.dashes.iter().find(|(rgb, w, _)| *rgb == paint.rgb && *w == paint.width) {
                let _ = write!(self.out, " stroke-dasharray=\"{dash}\"");
            }
        }
        self.out.push_str("/>");
    }

    fn polyline<I: IntoIterator<Item = BackendCoord>>(d: &mut String, points: I, close: bool) {
        for (n, (x, y)) in points.into_iter().enumerate() {
            let command = match n {
                0 => "M",
                1 => "L",
                _ => " ",
            };
            let _ = write!(d, "{command}{x} {y}");
        }
        if close {
            d.push('Z');
        }
    }
}

impl DrawingBackend for PathBackend<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        if !self.finished {
            self.flush();
            self.out.push_str("</svg>");
            self.finished = true;
        }
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Result<(), DrawingErrorKind<Infallible>> {
        let d = self.path(Paint::of(&color, true));
        let _ = write!(d, "M{x} {y}h1v1h-1Z");
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let d = self.path(Paint::of(style, false));
        Self::polyline(d, [from, to], false);
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let d = self.path(Paint::of(style, fill));
        let _ = write!(d, "M{x0} {y0}H{x1}V{y1}H{x0}Z");
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let d = self.path(Paint::of(style, false));
        Self::polyline(d, path, false);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let d = self.path(Paint::of(style, fill));
        let r = radius;
        let _ = write!(d, "M{} {y}a{r} {r} 0 1 0 {} 0a{r} {r} 0 1 0 -{} 0Z", x - r as i32, 2 * r, 2 * r);
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let d = self.path(Paint::of(style, true));
        Self::polyline(d, vert, true);
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        self.flush();
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.35em",
            VPos::Bottom => "-0.2em",
        };
        let (r, g, b) = style.color().rgb;
        let _ = write!(
            self.out,
            "<text x=\"{x}\" y=\"{y}\" dy=\"{dy}\" text-anchor=\"{anchor}\" font-size=\"{}\" \
             font-family=\"{}\" fill=\"#{r:02X}{g:02X}{b:02X}\">",
            style.size().round() as i32,
            style.family().as_str(),
        );
        escape_into(self.out, text);
        self.out.push_str("</text>");
        Ok(())
    }

    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        let size = style.size();
        Ok((super::text_width(text, size).ceil() as u32, size as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::PathBackend;
    use plotters::prelude::*;

    #[test]
    fn drawings_in_one_style_become_one_path_and_texts_are_escaped() {
        let mut svg = String::new();
        {
            let root = PathBackend::new(&mut svg, (100, 50)).dash((1, 2, 3), 2, "4 2").into_drawing_area();
            let style = RGBColor(1, 2, 3).stroke_width(2);
            root.draw(&PathElement::new(vec![(0, 0), (10, 10)], style)).unwrap();
            root.draw(&PathElement::new(vec![(20, 0), (30, 10), (40, 0)], style)).unwrap();
            root.draw(&Circle::new((5, 5), 2, RGBColor(1, 2, 3).filled())).unwrap();
            root.draw(&Text::new("<b>&", (1, 1), ("sans-serif", 12))).unwrap();
            root.present().unwrap();
        }
        assert_eq!(
            svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"50\" viewBox=\"0 0 100 50\" \
             aria-hidden=\"true\" focusable=\"false\">\
             <path d=\"M0 0L10 10M20 0L30 10 40 0\" fill=\"none\" stroke=\"#010203\" stroke-width=\"2\" \
             stroke-linejoin=\"round\" stroke-dasharray=\"4 2\"/>\
             <path d=\"M3 5a2 2 0 1 0 4 0a2 2 0 1 0 -4 0Z\" fill=\"#010203\"/>\
             <text x=\"1\" y=\"1\" dy=\"0.76em\" text-anchor=\"start\" font-size=\"12\" font-family=\"sans-serif\" \
             fill=\"#000000\">&lt;b&gt;&amp;</text></svg>"
        );
    }
}
