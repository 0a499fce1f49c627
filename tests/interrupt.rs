//! A build killed half-way (Ctrl-C, a crash, power loss) leaves the previous output
//! exactly as it was, and the next build cleans up what the killed one left.

mod common;

use common::*;

#[test]
fn killing_a_build_midway_leaves_the_previous_output_intact() {
    let kit = Fixture::new();
    for i in 0..200 {
        kit.write(
            &format!("content/paginas/p{i:04}.md"),
            &format!(
                "---\ntitel: Pagina {i}\n---\n\n{}\n",
                "Tekst over samenwerken. ".repeat(60)
            ),
        );
    }
    let first = kit.build();
    assert!(first.status.success(), "{}", stderr(&first));
    let before = snapshot(&kit.public());
    // The next build would change every page: the title of the site changes.
    kit.edit(
        "site.yaml",
        "titel: Mijn toolkit",
        "titel: Een andere titel",
    );

    // Start a build and kill it when its new tree is complete, just before the
    // swap: the moment a kill could do the most harm. The build says when it is
    // there by creating the file named in WERKPLAATS_TEST_HALT, and then waits.
    let staging = || {
        std::fs::read_dir(kit.root()).unwrap().any(|e| {
            e.unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".public.staging-")
        })
    };
    let mut child = halted_build(&kit);
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        staging(),
        "the killed build left its staging folder (it was writing)"
    );
    assert_eq!(
        snapshot(&kit.public()),
        before,
        "output changed after a kill mid-write"
    );

    // The next build succeeds and leaves no staging folder behind: the killed
    // build's folder is reused as the spare (the previous output's twin that
    // the build after it starts from), and the output is exactly the new site.
    let out = kit.build();
    assert!(out.status.success(), "{}", stderr(&out));
    let leftovers: Vec<String> = std::fs::read_dir(kit.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public."))
        .collect();
    let mut leftovers = leftovers;
    leftovers.sort();
    assert_eq!(leftovers, [".public.lock", ".public.spare"]);
    let after = snapshot(&kit.public());
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>(),
        "the rebuilt output has other files than the first build"
    );
    assert_ne!(after, before, "the rebuilt output has the new title");
}
