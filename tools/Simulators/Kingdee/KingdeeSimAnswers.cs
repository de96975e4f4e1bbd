using System.Text.Json.Nodes;

namespace ServerlessSync.Simulators.Kingdee;

/// <summary>The answer bodies K/3 Cloud gives, built as JSON nodes.</summary>
public static class KingdeeSimAnswers
{
    public const int ContextLost = 1;
    public const int ParameterError = 8;
    public const int FieldNotFound = 9;
    public const int DataNotFound = 10;
    public const int ValidationFailed = 11;
    public const int NotOperable = 12;
    public const int CallLimit = 14;

    public const string ContextLostMessage = "会话信息已丢失，请重新登录";
    public const string CallLimitMessage = "调用限制：请求过于频繁，请稍后再试";

    public sealed record Error(string FieldName, string Message, int DIndex = 0);

    public sealed record Success(long Id, string Number, int DIndex = 0);

    public static JsonObject WriteSuccess(IReadOnlyList<Success> entities)
    {
        var first = entities.Count > 0 ? entities[0] : null;
        return new JsonObject
        {
            ["Result"] = new JsonObject
            {
                ["ResponseStatus"] = Status(true, 0, [], entities),
                ["Id"] = first is null ? "" : first.Id,
                ["Number"] = first?.Number ?? "",
                ["NeedReturnData"] = new JsonArray(entities.Select(e => (JsonNode?)new JsonObject { ["FBillNo"] = e.Number }).ToArray()),
            },
        };
    }

    public static JsonObject WriteFailure(int msgCode, IReadOnlyList<Error> errors, IReadOnlyList<Success>? partial = null) => new()
    {
        ["Result"] = new JsonObject
        {
            ["ResponseStatus"] = Status(false, msgCode, errors, partial ?? []),
            ["Id"] = "",
            ["Number"] = "",
            ["NeedReturnData"] = new JsonArray(),
        },
    };

    /// <summary>ExecuteBillQuery reports failure inside the 2-D array: <c>[[{"Result":{"ResponseStatus":{...}}}]]</c>.</summary>
    public static JsonArray QueryFailure(int msgCode, IReadOnlyList<Error> errors) =>
        new(new JsonArray(new JsonObject { ["Result"] = new JsonObject { ["ResponseStatus"] = Status(false, msgCode, errors, []) } }));

    public static JsonNode Failure(bool isQuery, int msgCode, string message, string fieldName = "")
    {
        Error[] errors = [new(fieldName, message)];
        return isQuery ? QueryFailure(msgCode, errors) : WriteFailure(msgCode, errors);
    }

    public static JsonObject LoginSuccess(string sessionId, string userName) => new()
    {
        ["Message"] = null,
        ["MessageCode"] = "CheckPasswordPolicy",
        ["LoginResultType"] = 1,
        ["Context"] = new JsonObject { ["UserName"] = userName, ["LogLocale"] = "zh-CN" },
        ["KDSVCSessionId"] = sessionId,
        ["FormId"] = null,
        ["RedirectFormParam"] = null,
        ["FormInputObject"] = null,
        ["ErrorStackTrace"] = null,
        ["Lcid"] = 0,
        ["AccessToken"] = null,
        ["CustomParam"] = new JsonObject(),
        ["KdAccessResult"] = null,
        ["IsSuccessByAPI"] = true,
    };

    public static JsonObject LoginFailure(string message) => new()
    {
        ["Message"] = message,
        ["MessageCode"] = null,
        ["LoginResultType"] = 0,
        ["Context"] = null,
        ["KDSVCSessionId"] = null,
        ["IsSuccessByAPI"] = false,
    };

    private static JsonObject Status(bool success, int msgCode, IReadOnlyList<Error> errors, IReadOnlyList<Success> entities)
    {
        var status = new JsonObject();
        if (!success)
        {
            status["ErrorCode"] = 500;
        }

        status["IsSuccess"] = success;
        status["Errors"] = new JsonArray(errors.Select(e => (JsonNode?)new JsonObject
        {
            ["FieldName"] = e.FieldName,
            ["Message"] = e.Message,
            ["DIndex"] = e.DIndex,
        }).ToArray());
        status["SuccessEntitys"] = new JsonArray(entities.Select(e => (JsonNode?)new JsonObject
        {
            ["Id"] = e.Id,
            ["Number"] = e.Number,
            ["DIndex"] = e.DIndex,
        }).ToArray());
        status["SuccessMessages"] = new JsonArray();
        status["MsgCode"] = msgCode;
        return status;
    }
}
