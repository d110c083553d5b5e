//! The Cairo library, embedded in the binary so a generated package is
//! self-contained (it carries the exact library its program hash covers).
//! The build script (`transpiler/build.rs`) lists every file of `cairo/`.

include!(concat!(env!("OUT_DIR"), "/library_files.rs"));
