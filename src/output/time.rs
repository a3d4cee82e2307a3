//! Times for people: durations in words, Unix times as UTC dates (from
//! `crate::date`).

use crate::date::civil;

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
    format!("{} UTC", date_and_time(unix, ' '))
}

/// `2026-11-30T14:03:00Z` (RFC 3339), for programs.
pub fn rfc3339(unix: i64) -> String {
    format!("{}Z", date_and_time(unix, 'T'))
}

fn date_and_time(unix: i64, between: char) -> String {
    let at = civil(unix);
    format!(
        "{:04}-{:02}-{:02}{between}{:02}:{:02}:{:02}",
        at.year, at.month, at.day, at.hour, at.minute, at.second
    )
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
