//! The words a journal is written in: horizons, statuses, who, due, health. Load reads
//! them from front matter, model folds them, render shows them; each spelling lives here
//! once, so a help text that lists the allowed values cannot drift from what is parsed.

use chrono::NaiveDate;

/// A closed set of front-matter words, so load can read any of them the same way.
pub trait Word: Copy + Sized + 'static {
    /// What a value is called in a diagnostic about an unknown one ("unknown horizon").
    const NAME: &'static str;

    /// Reads the front-matter spelling.
    fn parse(text: &str) -> Option<Self>;

    /// The help line of a value that is none of these.
    fn allowed() -> String;
}

/// Defines a closed set of front-matter words: the enum, `ALL` in page order, `parse`
/// (trimmed, any case, with extra accepted spellings after `|`) and `key`, the one
/// spelling written back out (front matter, CSS classes). With `=> "Label"` after each
/// variant, also `label`, the words shown to people.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident ($what:literal) {
            $($(#[$vmeta:meta])* $variant:ident = $key:literal $(| $alias:literal)* => $label:literal,)+
        }
    ) => {
        vocabulary! {
            $(#[$meta])*
            $name ($what) {
                $($(#[$vmeta])* $variant = $key $(| $alias)*,)+
            }
        }

        impl $name {
            /// The words shown to people.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }
        }
    };
    (
        $(#[$meta:meta])*
        $name:ident ($what:literal) {
            $($(#[$vmeta:meta])* $variant:ident = $key:literal $(| $alias:literal)*,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in page order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Reads the front-matter spelling.
            pub fn parse(text: &str) -> Option<$name> {
                match text.trim().to_lowercase().as_str() {
                    $($key $(| $alias)* => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The front-matter spelling, also used as a CSS class.
            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)+
                }
            }

            /// The help line of a value that is none of these: "use `a`, `b` or `c`".
            pub fn allowed() -> String {
                let keys: Vec<String> = $name::ALL.iter().map(|v| format!("`{}`", v.key())).collect();
                match keys.split_last() {
                    Some((last, [])) => format!("use {last}"),
                    Some((last, rest)) => format!("use {} or {last}", rest.join(", ")),
                    None => String::new(),
                }
            }
        }

        impl Word for $name {
            const NAME: &'static str = $what;

            fn parse(text: &str) -> Option<$name> {
                $name::parse(text)
            }

            fn allowed() -> String {
                $name::allowed()
            }
        }
    };
}

vocabulary! {
    /// How far ahead a goal looks; the goals page groups by it.
    Horizon ("horizon") {
        /// A long-term goal broken into steps.
        Career = "career" => "Career",
        /// A mid-term goal at work.
        Work = "work" => "Work",
        /// No set goal: help with current challenges.
        DayToDay = "day-to-day" | "day_to_day" | "daytoday" => "Day to day",
    }
}

vocabulary! {
    /// Where a goal stands.
    GoalStatus ("goal status") {
        /// Being worked on.
        Active = "active",
        /// Reached.
        Achieved = "achieved",
        /// Set aside for now.
        Paused = "paused",
        /// Given up.
        Dropped = "dropped",
    }
}

vocabulary! {
    /// Who made the commitment.
    Who ("`who`:") {
        /// The mentor.
        Mentor = "mentor",
        /// The mentee.
        Mentee = "mentee",
        /// Both of them.
        Both = "both",
    }
}

vocabulary! {
    /// Where a commitment stands.
    CommitStatus ("commitment status") {
        /// Not yet done.
        Open = "open",
        /// Kept.
        Done = "done",
        /// Let go, on purpose.
        Dropped = "dropped",
    }
}

/// A due date as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueSpec {
    /// A calendar date.
    Date(NaiveDate),
    /// `next`: the next non-draft session after the one that made it.
    NextSession,
}

vocabulary! {
    /// How the pair keeps its agreed pace on the build date.
    Health ("health") {
        /// The last held session is at most 1.5 × cadence ago.
        OnPace = "on-pace" => "on pace",
        /// At most 3 × cadence ago.
        Slipping = "slipping" => "slipping",
        /// Longer ago than that.
        Stalled = "stalled" => "stalled",
        /// No session held yet.
        NotStarted = "not-started" => "not started",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_lists_every_key_in_order() {
        assert_eq!(Horizon::allowed(), "use `career`, `work` or `day-to-day`");
        assert_eq!(GoalStatus::allowed(), "use `active`, `achieved`, `paused` or `dropped`");
        assert_eq!(Who::allowed(), "use `mentor`, `mentee` or `both`");
        assert_eq!(CommitStatus::allowed(), "use `open`, `done` or `dropped`");
    }

    #[test]
    fn parse_reads_every_key_and_the_other_spellings() {
        for h in Horizon::ALL {
            assert_eq!(Horizon::parse(h.key()), Some(*h));
        }
        assert_eq!(Horizon::parse(" Day_To_Day "), Some(Horizon::DayToDay));
        assert_eq!(Health::parse("on-pace"), Some(Health::OnPace));
        assert_eq!(Who::parse("nobody"), None);
    }
}
