namespace ServerlessSync.Domain.Platforms.Taobao;

/// <summary>A TOP response that is not the documented envelope or lacks a required field.</summary>
public sealed class TaobaoResponseFormatException : FormatException
{
    public TaobaoResponseFormatException(string message) : base(message) { }

    public TaobaoResponseFormatException(string message, Exception inner) : base(message, inner) { }

    public TaobaoResponseFormatException() { }
}
