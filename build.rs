//! Links the unwinder (which a panic needs, to end in one plain line) statically on
//! Linux with glibc, instead of loading `libgcc_s.so.1` at every start.
//!
//! Rust's standard library asks for `-lgcc_s` there. Loading it is one more library
//! for the dynamic loader to open, map and relocate, and its constructor probes the
//! CPU with `cpuid`, which traps to the hypervisor on a virtual machine: about 0.1 ms
//! of every run of the program here, a tenth of what `/bin/true` takes. A scripted
//! check-in does little else but start, so that was a large part of its time.
//! `libgcc_eh.a` is the same unwinder as an archive (what `-C target-feature=+crt-static`
//! links); named here, before the standard library's `-lgcc_s` on the link line, it
//! provides the unwinder's symbols, and the linker's `--as-needed` then drops
//! `libgcc_s`. Panics still unwind (`main` catches them).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let static_crt = var("CARGO_CFG_TARGET_FEATURE")
        .split(',')
        .any(|f| f == "crt-static");
    if var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu" && !static_crt
    {
        println!("cargo:rustc-link-lib=static:-bundle=gcc_eh");
    }
}
