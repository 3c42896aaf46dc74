namespace NotifyHub.Notifications.PrintHouses;

/// <summary>A print house's public key, ready to encrypt batch files that only its private key opens.</summary>
public interface IBatchRecipient
{
    /// <summary>The file-name ending the print house's tool expects (<c>.gpg</c>, <c>.p7m</c>).</summary>
    string Extension { get; }

    /// <summary>Hex; the OpenPGP fingerprint or the certificate's SHA-256 thumbprint.</summary>
    string Fingerprint { get; }

    /// <summary>A fresh random content key per call, wrapped to the public key only: nothing here could decrypt the result.</summary>
    byte[] Encrypt(byte[] clear, string fileName);
}
