namespace Wallboard.Engine.Tests.Replay;

/// <summary>Hand-written rows in the bank's format, one of each kind, for the converter's and the oracle's own tests.</summary>
internal static class BankCallSamples
{
    public const string AnsweredPs = "AA0101\t1\t111\t2\tPS\t990216\t10:00:00\t10:00:05\t5\t10:00:05\t10:00:15\t10\tAGENT\t10:00:14\t10:02:15\t121\tDORIT";
    public const string ShortAbandonPs = "AA0101\t2\t0\t0\tPS\t990216\t10:01:00\t10:01:05\t5\t10:01:05\t10:01:08\t3\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER";
    public const string AbandonNe = "AA0102\t1\t0\t0\tNE\t990216\t10:02:00\t10:02:10\t10\t10:02:10\t10:02:40\t30\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER";
    public const string AnsweredAtThresholdNe = "AA0102\t2\t222\t2\tNE\t990216\t10:03:00\t10:03:05\t5\t10:03:05\t10:03:25\t20\tAGENT\t10:03:24\t10:04:25\t61\tTOVA";
    public const string ServedWithoutQueuePs = "AA0103\t3\t0\t0\tPS\t990216\t10:04:00\t10:04:09\t9\t0:00:00\t0:00:00\t0\tAGENT\t10:04:08\t10:05:08\t60\tDORIT";
    public const string PhantomPs = "AA0103\t4\t0\t0\tPS\t990216\t10:05:00\t10:05:10\t10\t10:05:10\t10:05:40\t30\tPHANTOM\t10:05:39\t10:05:45\t6\tNO_SERVER";
    public const string LeftInVruNw = "AA0104\t1\t0\t0\tNW\t990216\t10:06:00\t10:06:07\t7\t0:00:00\t0:00:00\t0\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER";
    public const string QueueCrossesMidnightNw = "AA0104\t2\t0\t0\tNW\t990216\t23:59:50\t23:59:55\t5\t23:59:55\t0:00:20\t25\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER";
    public const string ServiceCrossesMidnightPs = "AA0104\t3\t5\t2\tPS\t990216\t23:51:29\t23:51:34\t5\t23:51:34\t23:52:21\t47\tAGENT\t23:52:20\t0:00:55\t515\tAVNI";
    public const string NoServiceTimesPs = "AA0105\t1\t6\t2\tPS\t990216\t13:44:47\t13:44:53\t6\t13:44:53\t13:45:06\t13\tAGENT\t0:00:00\t0:00:00\t0\tYIFAT";
    public const string ServiceEndsBeforeAnswerNe = "AA0105\t2\t7\t2\tNE\t990216\t15:54:02\t15:54:14\t12\t15:54:14\t15:54:45\t31\tAGENT\t15:54:13\t15:54:28\t15\tZOHARI";
    public const string QueueTimeMismatchPs = "AA0105\t3\t8\t2\tPS\t990216\t11:00:00\t11:00:05\t5\t11:00:05\t11:00:15\t11\tHANG\t0:00:00\t0:00:00\t0\tNO_SERVER";
    public const string ZeroWaitPs = "AA0106\t1\t0\t0\tPS\t990216\t10:00:10\t10:00:15\t5\t10:00:15\t10:00:15\t0\tAGENT\t10:00:15\t10:00:15\t0\tTOVA";

    /// <summary>The first five samples: the ones the replay turns into events, all on 16 February 1999 between 10:00 and 10:06.</summary>
    public static BankCallLog Replayable() =>
        BankCallLog.Parse([BankCallLog.Header, AnsweredPs, ShortAbandonPs, AbandonNe, AnsweredAtThresholdNe, ServedWithoutQueuePs]);

    public static BankCall One(string row) => Assert.Single(BankCallLog.Parse([BankCallLog.Header, row]).Calls);

    public static DateTimeOffset At(int hour, int minute, int second) => new(1999, 2, 16, hour, minute, second, TimeSpan.Zero);
}
