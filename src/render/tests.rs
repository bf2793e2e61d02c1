use super::*;

#[test]
fn normalized_text_has_no_trailing_spaces_and_one_final_newline() {
    for (text, expected) in [
        ("", "\n"),
        ("\n", "\n"),
        ("a\nb\n", "a\nb\n"),
        ("a\nb", "a\nb\n"),
        ("a \n\tb\t\n", "a\n\tb\n"),
        ("a\n\n\n", "a\n"),
        ("a\n \nb\n", "a\n\nb\n"),
        ("a\r\nb\u{a0}\n", "a\nb\n"),
        ("x = 1\n\n\ny = 2\n", "x = 1\n\n\ny = 2\n"),
    ] {
        assert_eq!(normalize(text.to_string()), expected, "{text:?}");
    }
}

#[test]
fn templates_compile_once_per_process() {
    let schema = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join("chanx")
        .join("showcase.json");
    let options = GenerateOptions {
        server: None,
        readme: true,
        package_name: "showcase".to_string(),
        perspective: crate::options::Perspective::Server,
        with_tests: true,
    };
    let limits = crate::load::Limits::default();
    for _ in 0..3 {
        let document =
            crate::load::load(&crate::load::DocumentOrigin::File(schema.clone()), &limits).unwrap();
        let (_, tree) = crate::generate(document, &options, &limits).unwrap();
        assert!(tree.files().len() > 20);
    }
    assert_eq!(COMPILATIONS.load(Ordering::Relaxed), 1);
}
