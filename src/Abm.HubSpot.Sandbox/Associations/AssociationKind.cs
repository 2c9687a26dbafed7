using Abm.HubSpot.Sandbox.Crm;

namespace Abm.HubSpot.Sandbox.Associations;

/// <summary>A HubSpot-defined association type between two object types, with the id of its reverse.</summary>
internal sealed record AssociationKind(CrmObjectType From, CrmObjectType To, int TypeId, int ReverseTypeId, string Name, string? Label);
