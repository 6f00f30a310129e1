using System.Globalization;

namespace TaxiDuration.Automation.Policy;

/// <summary>
/// After a promotion the previous champion keeps scoring in shadow for <see cref="RetrainPolicyOptions.WatchWindows"/>
/// windows; if, on labelled trips, the new champion does worse than it by more than the tolerance, the loop rolls back.
/// </summary>
public sealed class RollbackWatch(RetrainPolicyOptions options)
{
    /// <returns>Null to keep the new champion, or the reason to roll back.</returns>
    public string? Judge(double championRmse, double previousRmse, int windowsSincePromotion)
    {
        if (windowsSincePromotion > options.WatchWindows)
        {
            return null;
        }

        return championRmse > previousRmse * (1 + options.RollbackTolerance)
            ? string.Create(CultureInfo.InvariantCulture,
                $"the new champion's RMSE {championRmse:0.000} is worse than the previous champion's {previousRmse:0.000} by more than {options.RollbackTolerance:P0} in watch window {windowsSincePromotion}")
            : null;
    }
}
