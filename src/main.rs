//! The `werkplaats` command: parses arguments and calls the library.

mod cli;

use cli::args::{BuildArgs, Command, ThemeAction};
use cli::language::Language;
use cli::report::{Level, Reporter, with_bar};
use std::process::ExitCode;
use werkplaats::diagnostics::{Problems, SourceTexts};
use werkplaats::pdf::{
    PdfFailure, PdfRequest, PublishFailure, PublishRequest, build_with_pdfs, make_pdfs,
};
use werkplaats::{RenderOptions, build_site, scaffold, serve, write};

fn main() -> ExitCode {
    let (cli, language) = cli::parse();
    let level = match (cli.quiet, cli.verbose) {
        (true, _) => Level::Quiet,
        (false, true) => Level::Verbose,
        (false, false) => Level::Normal,
    };
    let out = Reporter {
        format: cli.format,
        level,
        language,
    };
    let started = std::time::Instant::now();
    let code = run(&out, language, cli.command);
    out.detail(&out.text("done in", &[&started.elapsed().as_millis().to_string()]));
    code
}

/// Runs one command.
fn run(out: &Reporter, language: Language, command: Command) -> ExitCode {
    match command {
        Command::Build(args) => build(out, args),
        Command::Check {
            root, watch: true, ..
        } => cli::watch::run(out, language, &root),
        Command::Check {
            root,
            deny_warnings,
            watch: false,
        } => check(out, &root, deny_warnings),
        Command::Schema { root, out: dir } => {
            let dir = dir.unwrap_or_else(|| root.join("schemas"));
            match werkplaats::schema::write_schemas(&dir) {
                Ok(files) => out.done(&out.text(
                    "schemas written",
                    &[&files.len().to_string(), &dir.display().to_string()],
                )),
                Err(e) => out.error(&dir, &out.text("schemas failed", &[&e.to_string()])),
            }
        }
        Command::Pdf {
            root,
            out: dir,
            paper,
            chromium,
            base_url,
            force,
        } => pdf(
            out,
            PdfRequest {
                out: dir.unwrap_or_else(|| root.join("pdf")),
                root,
                paper: paper.map(Into::into),
                chromium,
                base_url,
                force,
            },
        ),
        Command::Serve {
            root,
            port,
            bind,
            open,
        } => serve(
            out,
            serve::ServeOptions {
                root,
                port,
                bind,
                open,
                language,
            },
        ),
        Command::Clean { root, out: dir } => {
            clean(out, &dir.unwrap_or_else(|| root.join("public")))
        }
        Command::New { dir } => match scaffold::create(&dir) {
            Ok(()) => {
                let dir = dir.display().to_string();
                out.done(&out.text("new toolkit", &[&dir, &dir]))
            }
            Err(e) => out.error(&dir, &e.to_string()),
        },
        Command::Theme {
            action: ThemeAction::Eject { file, root, force },
        } => eject(out, &root, file.as_deref(), force),
        Command::Completions { shell } => {
            let mut cli = cli::localize::command(language);
            clap_complete::generate(shell, &mut cli, "werkplaats", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Command::Man => man(out, language),
    }
}

/// `man`: the manual page in roff, on stdout.
fn man(out: &Reporter, language: Language) -> ExitCode {
    match clap_mangen::Man::new(cli::localize::command(language)).render(&mut std::io::stdout()) {
        Ok(()) => ExitCode::SUCCESS,
        // `werkplaats man | head`: the reader had enough.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => out.error(
            std::path::Path::new("-"),
            &out.text("man failed", &[&e.to_string()]),
        ),
    }
}

/// `build`, with its PDFs when `--pdf`.
fn build(out: &Reporter, args: BuildArgs) -> ExitCode {
    let dir = args.out.unwrap_or_else(|| args.root.join("public"));
    if args.pdf {
        return publish(
            out,
            PublishRequest {
                out: dir,
                root: args.root,
                base_url: args.base_url,
                chromium: args.chromium,
                force: args.force,
                deny_warnings: args.deny_warnings,
            },
        );
    }
    let options = RenderOptions {
        base_url: args.base_url,
        drafts: args.drafts,
        ..RenderOptions::default()
    };
    let site = match build_site(&args.root, &options) {
        Ok(site) => site,
        Err(failure) => return out.fail(&failure.problems, &failure.texts),
    };
    if args.deny_warnings && !site.warnings.is_empty() {
        return out.denied(&site.warnings, &site.texts);
    }
    out.warnings(&site.warnings, &site.texts);
    let force = args.force;
    let written = write::write_with(&site, &args.root, &dir, write::WriteOptions { force });
    // The process ends now: handing tens of thousands of buffers back to
    // the allocator one by one would only add to the build's time.
    std::mem::forget(site);
    match written {
        Ok(written) => out.done(&out.written(&written, &dir)),
        Err(e) => out.error(&dir, &e.to_string()),
    }
}

fn check(out: &Reporter, root: &std::path::Path, deny_warnings: bool) -> ExitCode {
    let options = RenderOptions {
        problems_only: true,
        ..RenderOptions::default()
    };
    match build_site(root, &options) {
        Ok(site) if deny_warnings && !site.warnings.is_empty() => {
            out.denied(&site.warnings, &site.texts)
        }
        Ok(site) => {
            out.problems(&site.warnings, &site.texts);
            let code = out.done(&out.text("checked", &[&out.tally(&site.warnings)]));
            // As for build: the process ends now.
            std::mem::forget(site);
            code
        }
        Err(failure) => out.fail(&failure.problems, &failure.texts),
    }
}

fn serve(out: &Reporter, options: serve::ServeOptions) -> ExitCode {
    match serve::run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(serve::ServeError::NotAToolkit(problem)) => {
            out.fail(&Problems(vec![*problem]), &SourceTexts::default())
        }
        // Not about a file, and serve is for people: a plain line.
        Err(e) => {
            eprintln!("{}", out.text("error line", &[&e.to_string()]));
            ExitCode::from(1)
        }
    }
}

/// `clean`: removes the output, only when werkplaats wrote it.
fn clean(out: &Reporter, dir: &std::path::Path) -> ExitCode {
    match write::clean(dir) {
        Ok(write::Cleaned::Removed) => {
            out.done(&out.text("cleaned", &[&dir.display().to_string()]))
        }
        Ok(write::Cleaned::Nothing) => {
            out.done(&out.text("nothing to clean", &[&dir.display().to_string()]))
        }
        Err(e) => out.error(dir, &e.to_string()),
    }
}

fn eject(out: &Reporter, root: &std::path::Path, file: Option<&str>, force: bool) -> ExitCode {
    match scaffold::eject(root, file, force) {
        Ok(written) => {
            let what = match written.as_slice() {
                [one] => one.display().to_string(),
                all => out.text("ejected all", &[&all.len().to_string()]),
            };
            out.done(&out.text("ejected", &[&what]))
        }
        Err(e) => out.error(root, &e.to_string()),
    }
}

/// `build --pdf`: the site with its PDFs.
fn publish(out: &Reporter, request: PublishRequest) -> ExitCode {
    match with_bar(|bar| build_with_pdfs(&request, bar)) {
        Ok(done) => {
            out.warnings(&done.warnings, &done.texts);
            let written = out.written(&done.written, &request.out);
            out.done(&out.text("with pdfs", &[&written, &done.pdfs.to_string()]))
        }
        Err(PublishFailure::Denied(f)) => out.denied(&f.problems, &f.texts),
        Err(PublishFailure::Pdf(PdfFailure::Build(f))) => out.fail(&f.problems, &f.texts),
        Err(PublishFailure::Pdf(PdfFailure::Pdf(e))) => out.error(&request.out, &e.to_string()),
    }
}

fn pdf(out: &Reporter, request: PdfRequest) -> ExitCode {
    match with_bar(|bar| make_pdfs(&request, bar)) {
        Ok(done) => {
            out.warnings(&done.warnings, &done.texts);
            if !done.with_qr {
                out.say(&out.text("no qr", &[]));
            }
            let folder = request.out.join(done.paper.key());
            out.done(&out.text(
                "pdfs written",
                &[
                    &done.files.len().to_string(),
                    done.paper.label(),
                    &folder.display().to_string(),
                ],
            ))
        }
        Err(PdfFailure::Build(failure)) => out.fail(&failure.problems, &failure.texts),
        Err(PdfFailure::Pdf(e)) => out.error(&request.out, &e.to_string()),
    }
}
