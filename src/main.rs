//! The `chanx` binary: everything lives in the library; this only hands over the exit code.

// A generation allocates and frees millions of small values (the document's
// JSON tree, names, rendered lines); mimalloc does that several times faster
// than the system allocators, musl's above all. Version 2 and no transparent
// huge pages (see Cargo.toml): version 3 and huge pages keep far more memory
// resident for the same work.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    chanx_codegen::cli::run()
}
