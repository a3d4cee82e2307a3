//! Integration tests: the real binary against the emulator, one tenant per test.

#![cfg(feature = "emulator")]

mod harness;

mod completions;
mod doctor;
mod emulator;
mod enroll;
mod errors;
mod factors;
mod faults;
mod input;
mod login;
mod output;
mod pty;
mod readme;
mod secrets;
mod settings;
mod signals;
mod steps;
mod terminal;
mod totp;
mod transport;
mod unwritable;
