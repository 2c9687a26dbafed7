using Microsoft.AspNetCore.DataProtection;

namespace Abm.Server.Features.Connections;

/// <summary>
/// Encrypts HubSpot tokens before they are stored (AES-256-GCM through Data Protection; the key ring lives
/// outside the database, see DataProtectionSetup), so a copy of the database alone reveals no token.
/// </summary>
internal sealed class ConnectionTokenProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Abm.HubSpot.ConnectionTokens.v1");

    public string Protect(string token) => _protector.Protect(token);

    public string Unprotect(string protectedToken) => _protector.Unprotect(protectedToken);
}
