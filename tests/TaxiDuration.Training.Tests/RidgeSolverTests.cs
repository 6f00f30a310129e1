using TaxiDuration.Training.LeastSquares;

namespace TaxiDuration.Training.Tests;

public sealed class RidgeSolverTests
{
    [Fact]
    public void Recovers_known_coefficients_of_a_noise_free_one_hot_and_distance_design()
    {
        // Column 0..2: one-hot category; column 3: distance. No penalty, so the only freedom is the usual
        // one-hot/bias trade-off; predictions (bias + weight) must match the generating rule exactly.
        var offsets = new[] { 2.0, -1.0, 5.0 };
        const double bias = 4, slope = 3;
        var rows = new List<(int, float)[]>();
        var labels = new List<double>();
        for (var i = 0; i < 60; i++)
        {
            var category = i % 3;
            var distance = 1 + (i % 7);
            rows.Add([(category, 1f), (3, distance)]);
            labels.Add(bias + offsets[category] + (slope * distance));
        }

        var solution = RidgeSolver.Solve(SparseDesign.FromRows(4, rows, labels), new LeastSquaresOptions { L2Regularization = 0 });

        Assert.True(solution.Converged);
        Assert.Equal(slope, solution.Weights[3], precision: 8);
        for (var category = 0; category < 3; category++)
        {
            Assert.Equal(bias + offsets[category], solution.Bias + solution.Weights[category], precision: 8);
        }
    }

    [Fact]
    public void Matches_a_direct_dense_solve_on_a_design_with_two_one_hot_blocks()
    {
        var random = new Random(7);
        const int rowsCount = 300, blockA = 6, blockB = 4, columns = blockA + blockB + 2;
        var rows = new List<(int, float)[]>();
        var labels = new List<double>();
        for (var i = 0; i < rowsCount; i++)
        {
            var dense1 = (float)(random.NextDouble() * 10);
            var dense2 = (float)random.NextDouble();
            rows.Add([(random.Next(blockA), 1f), (blockA + random.Next(blockB), 1f), (columns - 2, dense1), (columns - 1, dense2)]);
            labels.Add((2 * dense1) - dense2 + (random.NextDouble() * 3));
        }

        const double lambda = 0.7;
        var solution = RidgeSolver.Solve(SparseDesign.FromRows(columns, rows, labels), new LeastSquaresOptions { L2Regularization = lambda });

        var expected = DenseRidge(rows, labels, columns, lambda);
        Assert.True(solution.Converged);
        for (var j = 0; j < columns; j++)
        {
            Assert.Equal(expected[j], solution.Weights[j], precision: 7);
        }

        Assert.Equal(expected[columns], solution.Bias, precision: 7);
    }

    [Fact]
    public void Ridge_shrinks_rare_categories_toward_the_shared_model()
    {
        // Category 1 appears once with a wild label; a penalty must pull its weight toward zero and leave
        // the well-populated category 0 almost untouched.
        var rows = new List<(int, float)[]>();
        var labels = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            rows.Add([(0, 1f)]);
            labels.Add(10 + (i % 2 == 0 ? 1 : -1));
        }

        rows.Add([(1, 1f)]);
        labels.Add(40);
        var design = SparseDesign.FromRows(2, rows, labels);

        var unpenalised = RidgeSolver.Solve(design, new LeastSquaresOptions { L2Regularization = 1e-9 });
        var ridge = RidgeSolver.Solve(design, new LeastSquaresOptions { L2Regularization = 5 });

        var unpenalisedGap = unpenalised.Weights[1] - unpenalised.Weights[0];
        var ridgeGap = ridge.Weights[1] - ridge.Weights[0];
        Assert.Equal(30, unpenalisedGap, precision: 4);
        Assert.InRange(ridgeGap, 1, 0.5 * unpenalisedGap);
    }

    [Fact]
    public void Converges_in_a_handful_of_iterations_on_one_hot_plus_dense_columns()
    {
        // Thousands of categories: Jacobi-preconditioned CG sees identity plus a low-rank correction.
        var random = new Random(11);
        const int categories = 2_000;
        var rows = new List<(int, float)[]>();
        var labels = new List<double>();
        for (var i = 0; i < 20_000; i++)
        {
            var distance = (float)(0.3 + (random.NextDouble() * 10));
            var category = random.Next(categories);
            rows.Add([(category, 1f), (categories, distance)]);
            labels.Add(5 + (3 * distance) + (category % 17) + (random.NextDouble() * 4));
        }

        var solution = RidgeSolver.Solve(SparseDesign.FromRows(categories + 1, rows, labels), new LeastSquaresOptions { L2Regularization = 0.2 });

        Assert.True(solution.Converged);
        Assert.InRange(solution.Iterations, 1, 12);
        Assert.True(solution.RelativeResidual <= new LeastSquaresOptions().Tolerance);
    }

    [Fact]
    public void Reports_non_convergence_instead_of_returning_a_half_solved_model()
    {
        var rows = Enumerable.Range(0, 50).Select(i => new[] { (0, (float)i), (1, (float)(i * i % 13)) }).ToList();
        var labels = Enumerable.Range(0, 50).Select(i => (double)(i % 5)).ToList();

        var solution = RidgeSolver.Solve(SparseDesign.FromRows(2, rows, labels), new LeastSquaresOptions { MaximumIterations = 1 });

        Assert.False(solution.Converged);
        Assert.True(solution.RelativeResidual > new LeastSquaresOptions().Tolerance);
    }

    [Fact]
    public void Rows_with_missing_values_are_skipped_and_counted()
    {
        var rows = new List<(int, float)[]> { new[] { (0, 1f) }, new[] { (0, float.NaN) }, new[] { (0, 2f) } };

        var design = SparseDesign.FromRows(1, rows, [1.0, 2.0, double.NaN]);

        Assert.Equal(1, design.RowCount);
        Assert.Equal(2, design.SkippedRows);
    }

    [Theory]
    [InlineData(-1, 1e-6, 10)]
    [InlineData(double.NaN, 1e-6, 10)]
    [InlineData(0, 0, 10)]
    [InlineData(0, 1e-6, 0)]
    public void Invalid_options_are_rejected_before_any_work(double l2, double tolerance, int iterations)
    {
        var options = new LeastSquaresOptions { L2Regularization = l2, Tolerance = tolerance, MaximumIterations = iterations };

        Assert.Throws<ArgumentException>(options.Validate);
    }

    /// <summary>Ridge via the explicit normal equations and Gaussian elimination: slow, obviously right.</summary>
    private static double[] DenseRidge(List<(int, float)[]> rows, List<double> labels, int columns, double lambda)
    {
        var size = columns + 1;
        var matrix = new double[size, size + 1];
        for (var i = 0; i < rows.Count; i++)
        {
            var x = new double[size];
            foreach (var (column, value) in rows[i])
            {
                x[column] += value;
            }

            x[columns] = 1;
            for (var r = 0; r < size; r++)
            {
                for (var c = 0; c < size; c++)
                {
                    matrix[r, c] += x[r] * x[c];
                }

                matrix[r, size] += x[r] * labels[i];
            }
        }

        for (var j = 0; j < columns; j++)
        {
            matrix[j, j] += lambda;
        }

        for (var pivot = 0; pivot < size; pivot++)
        {
            for (var r = pivot + 1; r < size; r++)
            {
                var factor = matrix[r, pivot] / matrix[pivot, pivot];
                for (var c = pivot; c <= size; c++)
                {
                    matrix[r, c] -= factor * matrix[pivot, c];
                }
            }
        }

        var solution = new double[size];
        for (var r = size - 1; r >= 0; r--)
        {
            var sum = matrix[r, size];
            for (var c = r + 1; c < size; c++)
            {
                sum -= matrix[r, c] * solution[c];
            }

            solution[r] = sum / matrix[r, r];
        }

        return solution;
    }
}
