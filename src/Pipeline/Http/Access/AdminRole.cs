namespace ServerlessSync.Pipeline.Http.Access;

/// <summary>Least privilege on the admin surface; each role may do what the ones below it may.</summary>
public enum AdminRole
{
    /// <summary>Dashboard, stats, console reads: order status, quarantine list, alerts, profiles read.</summary>
    Viewer = 1,

    /// <summary>Resync, release, reconciliation, the audit trail.</summary>
    Operator = 2,

    /// <summary>Mapping profiles (change, dry run) and settings.</summary>
    Admin = 3,
}

/// <summary>An authenticated caller of the admin surface: who (for the audit trail) and with which role.</summary>
public sealed record AdminCaller(string Actor, AdminRole Role);
