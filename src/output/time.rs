//! Times for people: durations in words, Unix times as UTC dates, without a
//! date crate.

pub fn human_duration(seconds: u64) -> String {
    match seconds {
        s if s < 120 => format!("{s} seconds"),
        s if s < 7200 => format!("{} minutes", s / 60),
        s if s < 172_800 => format!("{} hours", s / 3600),
        s => format!("{} days", s / 86_400),
    }
}

pub(super) fn relative(delta: i64) -> String {
    if delta.unsigned_abs() < 5 {
        "now".into()
    } else if delta >= 0 {
        format!("in {}", human_duration(delta as u64))
    } else {
        format!("{} ago", human_duration(delta.unsigned_abs()))
    }
}

/// `2026-11-30 14:03:00 UTC`, for people.
pub fn utc(unix: i64) -> String {
    let (year, month, day, hour, minute, second) = civil(unix);
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02} UTC")
}

/// `2026-11-30T14:03:00Z` (RFC 3339), for programs.
pub fn rfc3339(unix: i64) -> String {
    let (year, month, day, hour, minute, second) = civil(unix);
    format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z")
}

/// Year, month, day, hour, minute, second of a Unix time in UTC, without a
/// date crate: days to civil date (Hinnant).
fn civil(unix: i64) -> (i64, i64, i64, i64, i64, i64) {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day, secs / 3600, secs % 3600 / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates() {
        assert_eq!(utc(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(utc(1_234_567_890), "2009-02-13 23:31:30 UTC");
        assert_eq!(utc(951_825_600), "2000-02-29 12:00:00 UTC");
        assert_eq!(rfc3339(1_234_567_890), "2009-02-13T23:31:30Z");
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(human_duration(86_400), "24 hours");
        assert_eq!(human_duration(600), "10 minutes");
    }
}
