//! Rebuilds werkplaats when the built-in theme changes: `include_dir!`
//! embeds `themes/default/`, but on stable Rust it cannot tell Cargo so.

fn main() {
    println!("cargo:rerun-if-changed=themes/default");
    println!("cargo:rerun-if-changed=build.rs");
}
