//! Integration tests: the real binary against the emulator, one tenant per test.

#![cfg(feature = "emulator")]

mod harness;

mod bench_script;
mod binding;
mod client_info;
mod client_security;
mod completions;
mod config_init;
mod doctor;
mod doctor_config;
mod emulator;
mod emulator_exposed;
mod enroll;
mod errors;
mod factors;
mod faults;
mod fleet;
#[cfg(unix)]
mod handoff;
mod input;
mod login;
mod manpage;
mod otp_command;
mod output;
mod pty;
mod readme;
mod round_trips;
mod secrets;
mod sessions;
mod settings;
mod shells;
mod signals;
mod spent;
mod startup_order;
mod steps;
mod terminal;
mod totp;
mod traces;
mod transport;
mod unwritable;
mod users;
