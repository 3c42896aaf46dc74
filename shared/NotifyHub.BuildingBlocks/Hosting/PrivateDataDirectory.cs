using System.Runtime.InteropServices;

namespace NotifyHub.BuildingBlocks.Hosting;

/// <summary>
/// The data directory holds databases, outboxes and keys: only the user running NotifyHub may enter it. The process
/// umask makes every file created later private too, including those created by libraries we do not control
/// (SQLite's -wal, -shm and -journal files, Data Protection, temporary files).
/// </summary>
public static partial class PrivateDataDirectory
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>umask 077 for the whole process: new directories 0700, new files 0600. Call before anything writes.</summary>
    public static void RestrictNewFiles()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = Umask(0x3F);
        }
    }

    /// <summary>
    /// Creates <paramref name="path"/> with mode 0700, or checks that an existing one is closed to group and others.
    /// </summary>
    /// <exception cref="StartupCheckException">The directory is readable, writable or searchable by group or others.</exception>
    public static string Ensure(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
            return full;
        }

        if (!Directory.Exists(full))
        {
            Directory.CreateDirectory(full, OwnerOnly);
            return full;
        }

        var mode = File.GetUnixFileMode(full);
        if ((mode & GroupOrOthers) != 0)
        {
            throw new StartupCheckException(
                $"NotifyHub:DataDirectory {full} is accessible by group or others (mode 0{Convert.ToString((int)mode & 0x1FF, 8)}); " +
                $"run `chmod -R go-rwx {full}` so only the NotifyHub user can read it.");
        }

        return full;
    }

    /// <summary>Creates a folder inside the data directory, 0700 whatever the umask.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, OwnerOnly);
        }
    }

    /// <summary>Options for a new file inside the data directory: 0600 whatever the umask.</summary>
    public static FileStreamOptions NewFile(FileMode mode = FileMode.Create, FileOptions options = FileOptions.None)
    {
        var file = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None, Options = options };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = OwnerReadWrite;
        }

        return file;
    }

    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint Umask(uint mask);
}
