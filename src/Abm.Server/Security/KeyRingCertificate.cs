using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Abm.Server.Configuration;

namespace Abm.Server.Security;

/// <summary>
/// The certificate that encrypts the Data Protection key ring at rest, from a PFX file (with its password) or
/// by thumbprint from the current user's certificate store; none when neither is configured.
/// </summary>
internal static class KeyRingCertificate
{
    public const string PathSetting = "DataProtection:CertificatePath";
    public const string PasswordSetting = "DataProtection:CertificatePassword";
    public const string ThumbprintSetting = "DataProtection:CertificateThumbprint";

    public static X509Certificate2? Load(IConfiguration configuration)
    {
        if (configuration[PathSetting] is { Length: > 0 } path)
        {
            try
            {
                return WithPrivateKey(X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordSetting], X509KeyStorageFlags.EphemeralKeySet), PathSetting);
            }
            catch (Exception error) when (error is CryptographicException or IOException or UnauthorizedAccessException)
            {
                throw new ConfigurationException($"{PathSetting} must name a readable PFX file whose password is {PasswordSetting}: {error.Message}");
            }
        }

        if (configuration[ThumbprintSetting] is { Length: > 0 } thumbprint)
        {
            using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            return found.Count > 0
                ? WithPrivateKey(found[0], ThumbprintSetting)
                : throw new ConfigurationException($"{ThumbprintSetting}: no certificate with thumbprint {thumbprint} in the current user's 'My' store.");
        }

        return null;
    }

    // Decrypting the key ring needs the private key; a certificate without one would only fail at the first read.
    private static X509Certificate2 WithPrivateKey(X509Certificate2 certificate, string setting) => certificate.HasPrivateKey
        ? certificate
        : throw new ConfigurationException($"{setting}: the certificate {certificate.Thumbprint} has no private key, so it could not decrypt the key ring.");
}
