//! Inline SVG charts: a goal's progress over time. Coordinates are whole numbers so the
//! output is byte-identical everywhere; every chart carries a `<title>` and a `<desc>`
//! that say in words what it draws.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::render::labels::date_label;

const WIDTH: i64 = 320;
const HEIGHT: i64 = 120;
const LEFT: i64 = 34;
const RIGHT: i64 = 10;
const TOP: i64 = 10;
const BOTTOM: i64 = 22;

/// Escapes text for SVG/XML content.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A grid line across a chart `width` wide at height `y`, with its value on the axis.
fn grid_line(svg: &mut String, y: i64, width: i64, label: impl std::fmt::Display) {
    let _ = write!(
        svg,
        r#"<line class="grid" x1="{LEFT}" y1="{y}" x2="{x2}" y2="{y}"/><text class="axis" x="{tx}" y="{ty}" text-anchor="end">{label}</text>"#,
        x2 = width - RIGHT,
        tx = LEFT - 6,
        ty = y + 4,
    );
}

/// A step chart of progress (0-100) at each dated point, oldest first. `id` makes the
/// `aria-labelledby` ids unique on a page.
pub fn progress_chart(id: &str, title: &str, points: &[(NaiveDate, u8)]) -> String {
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return String::new();
    };
    let span = (last.0 - first.0).num_days().max(1);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let x = |d: NaiveDate| {
        if points.len() == 1 {
            LEFT + plot_w / 2
        } else {
            LEFT + (d - first.0).num_days() * plot_w / span
        }
    };
    let y = |p: u8| TOP + plot_h - i64::from(p) * plot_h / 100;
    let mut svg = String::new();
    let desc: Vec<String> = points
        .iter()
        .map(|(d, p)| format!("{p}% on {}", date_label(*d)))
        .collect();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="chart-{id}-t chart-{id}-d"><title id="chart-{id}-t">Progress of {t} over time</title><desc id="chart-{id}-d">{d}</desc>"#,
        t = escape(title),
        d = escape(&desc.join(", ")),
    );
    for pct in [0u8, 50, 100] {
        grid_line(&mut svg, y(pct), WIDTH, format_args!("{pct}%"));
    }
    let mut path = String::new();
    let mut prev: Option<(i64, i64)> = None;
    for (d, p) in points {
        let (px, py) = (x(*d), y(*p));
        match prev {
            None => {
                let _ = write!(path, "M{px} {py}");
            }
            Some((_, last_y)) => {
                let _ = write!(path, " L{px} {last_y} L{px} {py}");
            }
        }
        prev = Some((px, py));
    }
    let _ = write!(svg, r#"<path class="line" d="{path}"/>"#);
    for (d, p) in points {
        let _ = write!(svg, r#"<circle class="dot" cx="{}" cy="{}" r="3"/>"#, x(*d), y(*p));
    }
    let label_y = HEIGHT - 6;
    let _ = write!(
        svg,
        r#"<text class="axis" x="{LEFT}" y="{label_y}">{}</text>"#,
        escape(&date_label(first.0))
    );
    if points.len() > 1 {
        let _ = write!(
            svg,
            r#"<text class="axis" x="{}" y="{label_y}" text-anchor="end">{}</text>"#,
            WIDTH - RIGHT,
            escape(&date_label(last.0))
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A bar chart of held sessions per month across a cohort, oldest month first.
pub fn month_chart(months: &[((i32, u32), usize)]) -> String {
    if months.is_empty() {
        return String::new();
    }
    let max = months.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let n = i64::try_from(months.len()).unwrap_or(1);
    let width = (LEFT + RIGHT + n * 36).clamp(240, 900);
    let plot_w = width - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let slot = plot_w / n;
    let bar = (slot * 2 / 3).max(2);
    let label = |(y, m): (i32, u32)| {
        let name = chrono::Month::try_from(u8::try_from(m).unwrap_or(1)).map_or("", |mo| &mo.name()[..3]);
        format!("{name} {:02}", y.rem_euclid(100))
    };
    let long = |(y, m): (i32, u32)| {
        let name = chrono::Month::try_from(u8::try_from(m).unwrap_or(1)).map_or("", |mo| mo.name());
        format!("{name} {y}")
    };
    let desc: Vec<String> = months.iter().map(|(m, c)| format!("{}: {c}", long(*m))).collect();
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {width} {HEIGHT}" style="max-width: {width}px" role="img" aria-labelledby="chart-months-t chart-months-d"><title id="chart-months-t">Sessions held per month across the program</title><desc id="chart-months-d">{}</desc>"#,
        escape(&desc.join(", "))
    );
    let max_i = i64::try_from(max).unwrap_or(1);
    for value in [0, max_i] {
        grid_line(&mut svg, TOP + plot_h - value * plot_h / max_i, width, value);
    }
    // Labels are about 40 units wide; skip some when months are narrower than that.
    let every = usize::try_from((40 + slot - 1) / slot.max(1)).unwrap_or(1).max(1);
    for (i, (month, count)) in months.iter().enumerate() {
        let i64_i = i64::try_from(i).unwrap_or(0);
        let h = i64::try_from(*count).unwrap_or(0) * plot_h / max_i;
        let x = LEFT + i64_i * slot + (slot - bar) / 2;
        let y = TOP + plot_h - h;
        let _ = write!(svg, r#"<rect class="bar" x="{x}" y="{y}" width="{bar}" height="{h}"/>"#);
        if i % every == 0 {
            let _ = write!(
                svg,
                r#"<text class="axis" x="{}" y="{}">{}</text>"#,
                LEFT + i64_i * slot,
                HEIGHT - 6,
                escape(&label(*month))
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_describes_its_points_in_words() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap_or_default();
        let svg = progress_chart("g", "Lead <team>", &[(d(1, 8), 10), (d(3, 1), 40)]);
        assert!(svg.contains("<title id=\"chart-g-t\">Progress of Lead &lt;team&gt; over time</title>"));
        assert!(svg.contains("10% on 8 Jan 2026, 40% on 1 Mar 2026"));
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(progress_chart("g", "x", &[]).is_empty());
    }
}
