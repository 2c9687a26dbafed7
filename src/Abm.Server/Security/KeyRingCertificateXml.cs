using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Abm.Server.Security;

/// <summary>
/// Encrypts each new key with the configured certificate (XML encryption, as ProtectKeysWithCertificate does),
/// and names <see cref="KeyRingCertificateDecryptor"/> as the way back, so reading the keys needs the same
/// certificate from settings rather than from a machine certificate store.
/// </summary>
internal sealed class KeyRingCertificateEncryptor(X509Certificate2 certificate, ILoggerFactory loggers) : IXmlEncryptor
{
    private readonly CertificateXmlEncryptor _inner = new(certificate, loggers);

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(_inner.Encrypt(plaintextElement).EncryptedElement, typeof(KeyRingCertificateDecryptor));
}

/// <summary>Decrypts a key written by <see cref="KeyRingCertificateEncryptor"/> with the certificate from settings.</summary>
internal sealed class KeyRingCertificateDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var certificate = services.GetRequiredService<KeyRingProtection>().Certificate
            ?? throw new CryptographicException("The key ring is encrypted with a certificate, but none is configured (DataProtection__CertificatePath or DataProtection__CertificateThumbprint).");
        var document = new XmlDocument { PreserveWhitespace = true };
        document.Load(new XElement("root", encryptedElement).CreateReader());
        new CertificateKeyXml(document, certificate).DecryptDocument();
        return XElement.Load(document.DocumentElement!.FirstChild!.CreateNavigator()!.ReadSubtree());
    }

    /// <summary>Opens the encrypted session key with the configured certificate's private key when the key names that certificate.</summary>
    private sealed class CertificateKeyXml(XmlDocument document, X509Certificate2 certificate) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            var named = encryptedKey.KeyInfo.OfType<KeyInfoX509Data>().SelectMany(data => data.Certificates?.OfType<X509Certificate2>() ?? [])
                .Any(c => string.Equals(c.Thumbprint, certificate.Thumbprint, StringComparison.OrdinalIgnoreCase));
            if (!named || encryptedKey.CipherData.CipherValue is not { } cipher)
            {
                return base.DecryptEncryptedKey(encryptedKey);
            }

            using var rsa = certificate.GetRSAPrivateKey() ?? throw new CryptographicException($"Certificate {certificate.Thumbprint} has no RSA private key.");
            return DecryptKey(cipher, rsa, string.Equals(encryptedKey.EncryptionMethod?.KeyAlgorithm, XmlEncRSAOAEPUrl, StringComparison.Ordinal));
        }
    }
}
