//! Calendar arithmetic without a date crate: a Unix time as a UTC date and
//! time of day. Neutral ground (a pure function, no API type): the output's
//! dates and the emulator's `Date` header both come from here.

/// A moment in UTC as a calendar and a clock show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    /// 1 to 12.
    pub month: i64,
    /// 1 to 31.
    pub day: i64,
    pub hour: i64,
    pub minute: i64,
    pub second: i64,
    /// 0 for Monday to 6 for Sunday.
    pub weekday: i64,
}

/// The UTC date and time of a Unix time: days to civil date (H. Hinnant's
/// algorithm), valid before 1970 too.
pub fn civil(unix: i64) -> Civil {
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
    Civil {
        year: yoe + era * 400 + i64::from(month <= 2),
        month,
        day,
        hour: secs / 3600,
        minute: secs % 3600 / 60,
        second: secs % 60,
        // 1970-01-01 was a Thursday.
        weekday: (days + 3).rem_euclid(7),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_across_leap_days_and_before_the_epoch() {
        let leap = civil(951_825_600);
        assert_eq!(
            (leap.year, leap.month, leap.day, leap.hour),
            (2000, 2, 29, 12)
        );
        assert_eq!(leap.weekday, 1, "2000-02-29 was a Tuesday");
        let epoch = civil(0);
        assert_eq!(
            (epoch.year, epoch.month, epoch.day, epoch.weekday),
            (1970, 1, 1, 3)
        );
        let before = civil(-1);
        assert_eq!(
            (
                before.year,
                before.month,
                before.day,
                before.hour,
                before.minute,
                before.second
            ),
            (1969, 12, 31, 23, 59, 59)
        );
        assert_eq!(before.weekday, 2, "1969-12-31 was a Wednesday");
    }
}
