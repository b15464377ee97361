//! Private files: the data directory is the user's alone (0o700), backups 0o600.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Creates `path` (and missing parents) readable only by the user, and tightens it if it exists.
pub(crate) fn create_private_dir(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(path)?;
        fs::set_permissions(path, fs::Permissions::from_mode(0o700))
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(path)
    }
}

/// The directory inside the data directory that the planner writes exports to.
pub const EXPORT_DIR: &str = "exports";

/// Writes `bytes` as `name` in the data directory's exports (created 0o700, the file 0o600)
/// and says where it went.
pub fn write_export(data_dir: &Path, name: &str, bytes: &[u8]) -> io::Result<PathBuf> {
    let dir = data_dir.join(EXPORT_DIR);
    create_private_dir(&dir)?;
    let path = dir.join(name);
    write_private_file(&path, bytes)?;
    Ok(path)
}

/// Writes `bytes` to `path` readable only by the user; a crash leaves the old file or none.
pub fn write_private_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_private_file_with(path, |out| out.write_all(bytes), |e| e)
}

/// Like [`write_private_file`], with the content written by `write` through a buffer; `io`
/// turns a file error into the caller's error. A path that exists and is not a regular file
/// (`/dev/null`, a named pipe, a terminal) is written into as it is: replacing it with a
/// file would break the device for everyone.
pub fn write_private_file_with<E>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), E>,
    io: impl Fn(io::Error) -> E,
) -> Result<(), E> {
    if fs::metadata(path).is_ok_and(|meta| !meta.is_file() && !meta.is_dir()) {
        let device = fs::OpenOptions::new().write(true).open(path).map_err(&io)?;
        let mut out = io::BufWriter::new(device);
        write(&mut out)?;
        return out.flush().map_err(io);
    }
    let tmp = path.with_extension("tmp");
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut out = io::BufWriter::new(options.open(&tmp).map_err(&io)?);
    write(&mut out)?;
    let file = out.into_inner().map_err(|e| io(e.into_error()))?;
    file.sync_all().map_err(&io)?;
    drop(file);
    fs::rename(&tmp, path).map_err(io)
}

/// Copies the folder `from` into a new private folder `to`, with the files `keep` accepts.
pub(crate) fn copy_dir(from: &Path, to: &Path, keep: &dyn Fn(&str) -> bool) -> io::Result<()> {
    create_private_dir(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        let target = to.join(&name);
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target, keep)?;
        } else if keep(&name.to_string_lossy()) {
            fs::copy(entry.path(), &target)?;
            // The copy is written to; the original may have been read-only.
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                fs::set_permissions(&target, fs::Permissions::from_mode(0o600))?;
            }
        }
    }
    Ok(())
}
