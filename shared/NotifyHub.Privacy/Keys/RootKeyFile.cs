using System.Security.Cryptography;

namespace NotifyHub.Privacy.Keys;

/// <summary>Reads, checks and creates the local root key file (32 raw bytes, mode 0600).</summary>
internal static class RootKeyFile
{
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public static byte[] ReadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Create(path);
        }

        return Read(path);
    }

    private static byte[] Read(string path)
    {
        byte[] material;
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                var mode = File.GetUnixFileMode(path);
                if ((mode & GroupOrOthers) != 0)
                {
                    throw new RootKeyUnavailableException(
                        $"Root key file {path} is accessible by group or others (mode {Octal(mode)}); run `chmod 600 {path}` so only the NotifyHub user can read it.");
                }
            }

            material = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RootKeyUnavailableException(
                $"Root key file {path} cannot be read ({e.Message}); make it owned by the user running NotifyHub with `chmod 600 {path}`.", e);
        }

        if (material.Length != RootKey.SizeInBytes)
        {
            var length = material.Length;
            CryptographicOperations.ZeroMemory(material);
            throw new RootKeyUnavailableException(
                $"Root key file {path} holds {length} bytes, expected {RootKey.SizeInBytes}; restore it from backup (a new key cannot open data encrypted under the old one).");
        }

        return material;
    }

    private static void Create(string path)
    {
        Span<byte> material = stackalloc byte[RootKey.SizeInBytes];
        RandomNumberGenerator.Fill(material);
        try
        {
            Write(path, material, replace: false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    /// <summary>
    /// Writes <paramref name="material"/> to a temporary name with mode 0600 and moves it into place, so a concurrent
    /// reader never sees a half-written key and two processes starting together agree on one key.
    /// </summary>
    public static void Write(string path, ReadOnlySpan<byte> material, bool replace)
    {
        var directory = Path.GetDirectoryName(path)!;
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory);
            }
            else
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, fileOptions))
            {
                stream.Write(material);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: replace);
        }
        catch (IOException) when (!replace && File.Exists(path))
        {
            File.Delete(temporary);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RootKeyUnavailableException(
                $"Cannot write root key file {path} ({e.Message}); make {directory} writable by the NotifyHub user or set NotifyHub:Keys:RootKey.", e);
        }
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0x1FF, 8);
}
