namespace ServerlessSync.Pipeline.Tests.Erp.Contract;

/// <summary>A subject whose connector fetches a session or token (Kingdee, SAP, YonBIP; Jushuitan's token is configured).</summary>
internal interface IErpCredentialSubject
{
    /// <summary>Calls that fetched the session or token.</summary>
    long CredentialCalls { get; }

    /// <summary>Calls the simulator refused because their session or token was no longer valid.</summary>
    long CredentialRejections { get; }

    /// <summary>Makes the ERP forget every session or token it handed out.</summary>
    void DropCredentials();
}

/// <summary>A subject whose connector reverses a document by deleting it (Kingdee, YonBIP; SAP rejects, Jushuitan closes).</summary>
internal interface IErpDeletingSubject
{
    /// <summary>Calls of the ERP's delete API.</summary>
    long DeleteCalls { get; }

    /// <summary>Documents the ERP deleted.</summary>
    int DeletedDocuments { get; }
}
