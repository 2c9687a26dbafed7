using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Abm.Server.Features.Connections;

namespace Abm.Server.Tests;

/// <summary>The Data Protection key ring at rest: encrypted with a configured certificate, or a warning at start.</summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private const string UnprotectedWarning = "key ring in";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"abm-keyring-{Guid.NewGuid():N}");

    public KeyRingProtectionTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task KeyRing_CertificateConfigured_KeysOnDiskAreEncryptedAndTokensRoundTrip()
    {
        var settings = new Dictionary<string, string>
        {
            ["DataProtection:KeysPath"] = Path.Combine(_folder, "keys"),
            ["DataProtection:CertificatePath"] = WriteSelfSignedPfx("pfx-password-1"),
            ["DataProtection:CertificatePassword"] = "pfx-password-1",
        };
        string stored;
        await using (var server = await AbmServerFactory.StartAsync(settings))
        {
            stored = server.Service<ConnectionTokenProtector>().Protect("pat-na1-a-token-to-keep");
            server.Logs.Lines.ShouldNotContain(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains(UnprotectedWarning, StringComparison.Ordinal));
        }

        var keyFiles = Directory.GetFiles(Path.Combine(_folder, "keys"), "*.xml");
        keyFiles.ShouldNotBeEmpty();
        foreach (var file in keyFiles)
        {
            var xml = await File.ReadAllTextAsync(file);
            xml.ShouldContain("<EncryptedData");
            // An unencrypted key keeps its secret in <masterKey><value>base64</value>.
            xml.ShouldNotContain("<value>");
        }

        // A new process with the same directory and certificate reads the encrypted keys back.
        await using var restarted = await AbmServerFactory.StartAsync(settings);
        restarted.Service<ConnectionTokenProtector>().Unprotect(stored).ShouldBe("pat-na1-a-token-to-keep");
    }

    [Fact]
    public async Task KeyRing_NoCertificate_WarnsOnceAtStart()
    {
        await using var server = await AbmServerFactory.StartAsync();

        server.Logs.Lines.Count(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains(UnprotectedWarning, StringComparison.Ordinal)
            && l.Contains("unencrypted", StringComparison.Ordinal)).ShouldBe(1);
    }

    private string WriteSelfSignedPfx(string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=abm key ring test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddYears(1));
        var path = Path.Combine(_folder, "keyring.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
