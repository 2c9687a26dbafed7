using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Abm.Server.Security;

/// <summary>
/// The key ring that signs tracking tokens (and encrypts HubSpot tokens) lives in a directory of its own,
/// never in the database beside what it protects. Instances that share work must share this directory.
/// With a certificate configured (<see cref="KeyRingCertificate"/>), every key is encrypted with it before it
/// is written, so a copy of the directory alone reveals nothing; without one the keys sit in plain XML and
/// a warning says so at start.
/// </summary>
internal static class DataProtectionSetup
{
    public const string KeysPathSetting = "DataProtection:KeysPath";
    public const string DefaultKeysPath = "./data/keys";

    public static IServiceCollection AddAbmDataProtection(this IServiceCollection services)
    {
        // AES-256-GCM: authenticated encryption in one pass for new keys (older keys keep their own algorithm).
        services.AddDataProtection().SetApplicationName("abm-engine").UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
        {
            EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
            ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
        });
        // Resolved from the final configuration, so hosts and tests can point it elsewhere.
        services.AddSingleton(sp => new KeyRingProtection(KeyRingCertificate.Load(sp.GetRequiredService<IConfiguration>())));
        services.AddOptions<KeyManagementOptions>().Configure<IConfiguration, ILoggerFactory, KeyRingProtection>((options, configuration, loggers, protection) =>
        {
            options.XmlRepository = new FileSystemXmlRepository(Directory.CreateDirectory(KeysPath(configuration)), loggers);
            if (protection.Certificate is { } certificate)
            {
                options.XmlEncryptor = new KeyRingCertificateEncryptor(certificate, loggers);
            }
        });
        services.AddHostedService<KeyRingProtectionNotice>();
        return services;
    }

    public static string KeysPath(IConfiguration configuration) => configuration[KeysPathSetting] is { Length: > 0 } path ? path : DefaultKeysPath;
}
