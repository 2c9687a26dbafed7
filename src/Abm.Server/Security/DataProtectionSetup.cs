using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Abm.Server.Security;

/// <summary>
/// The key ring that signs tracking tokens (and encrypts HubSpot tokens) lives in a directory of its own,
/// never in the database beside what it protects. Instances that share work must share this directory.
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
        services.AddOptions<KeyManagementOptions>().Configure<IConfiguration, ILoggerFactory>((options, configuration, loggers) =>
        {
            var directory = Directory.CreateDirectory(configuration[KeysPathSetting] is { Length: > 0 } path ? path : DefaultKeysPath);
            options.XmlRepository = new FileSystemXmlRepository(directory, loggers);
        });
        return services;
    }
}
