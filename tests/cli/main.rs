//! Integration tests: the real binary against the emulator, one tenant per test.

mod harness;

mod completions;
mod emulator;
mod errors;
mod factors;
mod login;
mod secrets;
mod settings;
mod steps;
mod totp;
