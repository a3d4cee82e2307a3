//! The QR code of an enrollment URI, drawn in the terminal with half blocks
//! (two rows of modules a line): dark modules on light ones, in a quiet zone.

use qrcode::{Color, EcLevel, QrCode};

/// The spec's quiet zone: four light modules on every side. Scanners need it
/// to find the code, most of all on a dark terminal.
const QUIET: usize = 4;

/// A drawn code and the columns it takes.
pub struct Drawn {
    pub text: String,
    pub columns: usize,
}

/// Draws `data` in the smallest QR version that holds it (error correction L:
/// a screen is not a torn label, and every version less is five modules less
/// on each side). With `colour`, each module is painted black or white
/// whatever the terminal's own colours, so it scans on dark and light themes
/// alike; without, dark modules are the blocks, which is right on a light
/// background, on paper and in a file.
pub fn draw(data: &str, colour: bool) -> Result<Drawn, String> {
    let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::L)
        .map_err(|_| "too long for a QR code".to_owned())?;
    let size = code.width();
    let modules = code.to_colors();
    let full = size + 2 * QUIET;
    let dark = |x: usize, y: usize| -> bool {
        // In the quiet zone (or past the last row) everything is light.
        let (Some(x), Some(y)) = (x.checked_sub(QUIET), y.checked_sub(QUIET)) else {
            return false;
        };
        x < size && y < size && modules[y * size + x] == Color::Dark
    };
    let mut text = String::new();
    for row in (0..full).step_by(2) {
        for x in 0..full {
            let (top, bottom) = (dark(x, row), dark(x, row + 1));
            if colour {
                // The upper half is the foreground, the lower the background.
                let fg = if top { "30" } else { "97" };
                let bg = if bottom { "40" } else { "107" };
                text.push_str(&format!("\x1b[{fg};{bg}m▀"));
            } else {
                text.push(match (top, bottom) {
                    (true, true) => '█',
                    (true, false) => '▀',
                    (false, true) => '▄',
                    (false, false) => ' ',
                });
            }
        }
        if colour {
            text.push_str("\x1b[0m");
        }
        text.push('\n');
    }
    Ok(Drawn {
        text,
        columns: full,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const URI: &str = "otpauth://totp/Auth0%20MFA%20Emulator:new%40example.com?secret=JB6JGOFX3HV2SX7JTWRZ5BQOPI7J7SUP&issuer=Auth0%20MFA%20Emulator&algorithm=SHA1&digits=6&period=30";

    /// The modules back from the plain drawing: `true` is dark.
    fn modules(text: &str) -> Vec<Vec<bool>> {
        let mut rows = Vec::new();
        for line in text.lines() {
            let (top, bottom): (Vec<bool>, Vec<bool>) = line
                .chars()
                .map(|c| (matches!(c, '█' | '▀'), matches!(c, '█' | '▄')))
                .unzip();
            rows.push(top);
            rows.push(bottom);
        }
        rows
    }

    #[test]
    fn the_smallest_version_that_holds_the_uri() {
        let drawn = draw(URI, false).unwrap();
        let code = QrCode::with_error_correction_level(URI, EcLevel::L).unwrap();
        let qrcode::Version::Normal(v) = code.version() else {
            panic!("a normal QR code")
        };
        assert!(
            QrCode::with_version(URI, qrcode::Version::Normal(v - 1), EcLevel::L).is_err(),
            "version {v} is not the smallest"
        );
        // Smaller than the library's default (level M) would draw it.
        assert!(code.width() < QrCode::new(URI).unwrap().width());
        assert_eq!(drawn.columns, code.width() + 8);
    }

    #[test]
    fn dark_modules_sit_in_a_light_quiet_zone_of_four() {
        let drawn = draw(URI, false).unwrap();
        let rows = modules(&drawn.text);
        let size = drawn.columns - 8;
        for (y, row) in rows.iter().enumerate() {
            assert_eq!(row.len(), drawn.columns);
            for (x, dark) in row.iter().enumerate() {
                let inside = (4..4 + size).contains(&x) && (4..4 + size).contains(&y);
                assert!(
                    inside || !dark,
                    "a dark module at {x},{y} in the quiet zone"
                );
            }
        }
        // The finder pattern's corner, top left inside the zone, is dark.
        assert!(rows[4][4]);
        assert!(!rows[3][3]);
    }

    #[test]
    fn in_colour_every_module_is_painted_black_or_white() {
        let drawn = draw(URI, true).unwrap();
        let first = drawn.text.lines().next().unwrap();
        // The top rows are quiet: white on white.
        assert!(first.starts_with("\u{1b}[97;107m▀"), "{first:?}");
        assert!(first.ends_with("\u{1b}[0m"));
        assert_eq!(first.matches('▀').count(), drawn.columns);
        assert!(drawn.text.contains("\u{1b}[30;40m▀"));
    }

    #[test]
    fn data_too_long_is_said_not_drawn() {
        assert!(draw(&"x".repeat(8000), false).is_err());
    }
}
