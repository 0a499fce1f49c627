//! The marker file's names, which ownership writes and the search for
//! strays passes over: their own module, so neither depends on the other.

/// The marker file's name, at the top of every tree werkplaats writes.
pub const MARKER: &str = ".werkplaats";

/// Where a new marker is written before it is renamed over the old one.
pub(super) const TEMP: &str = ".werkplaats.new";

/// Whether a top-level name is the marker or its temporary twin.
pub(super) fn is_marker_name(name: &str) -> bool {
    name == MARKER || name == TEMP
}
