using System.Security.Cryptography.X509Certificates;

namespace Abm.Server.Security;

/// <summary>The certificate the key ring is encrypted with, or null when it is stored unencrypted.</summary>
internal sealed class KeyRingProtection(X509Certificate2? certificate) : IDisposable
{
    public X509Certificate2? Certificate { get; } = certificate;

    public void Dispose() => Certificate?.Dispose();
}
