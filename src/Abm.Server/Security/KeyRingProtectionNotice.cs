namespace Abm.Server.Security;

/// <summary>Says once at start whether the key ring is encrypted at rest, and warns when it is not.</summary>
internal sealed partial class KeyRingProtectionNotice(KeyRingProtection protection, IConfiguration configuration, ILogger<KeyRingProtectionNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(DataProtectionSetup.KeysPath(configuration));
        if (protection.Certificate is { } certificate)
        {
            LogProtected(path, certificate.Thumbprint);
        }
        else
        {
            LogUnprotected(path);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Data Protection key ring in {KeysPath} is stored unencrypted: anyone who copies it with the database can decrypt the stored HubSpot tokens. Set DataProtection__CertificatePath (and DataProtection__CertificatePassword) or DataProtection__CertificateThumbprint to encrypt it, and keep it out of database backups")]
    private partial void LogUnprotected(string keysPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "The Data Protection key ring in {KeysPath} is encrypted with certificate {Thumbprint}")]
    private partial void LogProtected(string keysPath, string thumbprint);
}
