package io.tinymlaas.train;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam (Kingma and Ba, 2015) as graph operations: one training step per learning-rate phase, each phase with its own
 * moments, over every variable of the graph. TensorFlow Java's own {@code Adam} (framework 1.1.0) leaves the order
 * of a step's writes open: variables are updated in place, yet back-propagation reads a layer's weights (dX = dY·Wᵀ)
 * after that layer's gradient is ready, and the decay of β₁ᵗ and β₂ᵗ is not made to wait for the updates that read
 * them. Which came first changed from run to run, so the same seed trained a different model each time. Here every
 * update waits for every gradient, and the decay waits for every update.
 */
final class AdamSteps {

    private static final float BETA_1 = 0.9f;
    private static final float BETA_2 = 0.999f;
    private static final float EPSILON = 1e-8f;
    private static final String VARIABLE = "VariableV2";

    private AdamSteps() {
    }

    static List<Op> build(Graph graph, Operand<TFloat32> loss, List<TrainingConfig.Phase> phases) {
        Ops tf = Ops.create(graph);
        List<Output<TFloat32>> variables = trainableVariables(graph);
        Gradients gradients = tf.gradients(loss, variables);
        List<Operation> gradientOps = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            gradientOps.add(gradients.dy(i).op());
        }
        Ops afterGradients = tf.withControlDependencyOps(gradientOps);
        List<Op> steps = new ArrayList<>();
        for (int p = 0; p < phases.size(); p++) {
            steps.add(step(tf, afterGradients, variables, gradients, phases.get(p).learningRate(), "adam_phase" + p));
        }
        return steps;
    }

    private static Op step(Ops tf, Ops afterGradients, List<Output<TFloat32>> variables, Gradients gradients,
                           float learningRate, String name) {
        Ops scope = tf.withSubScope(name);
        Variable<TFloat32> beta1Power = scope.withName("beta1_power").variable(scope.constant(BETA_1));
        Variable<TFloat32> beta2Power = scope.withName("beta2_power").variable(scope.constant(BETA_2));
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            Output<TFloat32> variable = variables.get(i);
            Variable<TFloat32> m = scope.variable(scope.zerosLike(variable));
            Variable<TFloat32> v = scope.variable(scope.zerosLike(variable));
            @SuppressWarnings("unchecked")
            Operand<TFloat32> gradient = (Operand<TFloat32>) (Operand<?>) gradients.dy(i);
            updates.add(afterGradients.withSubScope(name).train.applyAdam(variable, m, v, beta1Power, beta2Power,
                    scope.constant(learningRate), scope.constant(BETA_1), scope.constant(BETA_2), scope.constant(EPSILON),
                    gradient));
        }
        Ops afterUpdates = scope.withControlDependencies(updates);
        Op decay1 = afterUpdates.assign(beta1Power, afterUpdates.math.mul(beta1Power, afterUpdates.constant(BETA_1)));
        Op decay2 = afterUpdates.assign(beta2Power, afterUpdates.math.mul(beta2Power, afterUpdates.constant(BETA_2)));
        return scope.withControlDependencies(List.of(decay1, decay2)).withName("train").noOp();
    }

    /** The model's weights: every variable in the graph before this class adds its own. */
    @SuppressWarnings("unchecked")
    private static List<Output<TFloat32>> trainableVariables(Graph graph) {
        List<Output<TFloat32>> variables = new ArrayList<>();
        for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
            GraphOperation operation = it.next();
            if (operation.type().equals(VARIABLE)) {
                variables.add((Output<TFloat32>) (Output<?>) operation.output(0));
            }
        }
        return variables;
    }
}
