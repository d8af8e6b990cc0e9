package dev.outpost.sync.properties;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Optional;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyAttributes;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sizes the runs of every property in the class it is added to, from system properties:
 * {@code outpost.tries.factor} multiplies each property's tries (the {@code thorough} Maven profile sets
 * 100; 0.1 makes a quick run), and {@code outpost.props.seed} pins the seed, to replay a run from the seed
 * jqwik reported for it. Pass them to Maven as {@code -Doutpost.tries.factor=...}: surefire hands Maven's
 * user properties to the test JVM.
 */
public class ThoroughRuns implements AroundPropertyHook {

    static final String TRIES_FACTOR = "outpost.tries.factor";
    static final String SEED = "outpost.props.seed";

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public boolean appliesTo(Optional<AnnotatedElement> element) {
        return element.map(e -> e instanceof Method).orElse(false);
    }

    /** Outside jqwik's own attribute hooks: the attributes must be set before the property starts. */
    @Override
    public int aroundPropertyProximity() {
        return -20;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        PropertyAttributes attributes = context.attributes();
        double factor = Double.parseDouble(System.getProperty(TRIES_FACTOR, "1"));
        if (factor != 1) {
            attributes.tries().ifPresent(tries -> attributes.setTries((int) Math.max(1, Math.round(tries * factor))));
        }
        String seed = System.getProperty(SEED, "").trim();
        if (!seed.isEmpty()) {
            attributes.setSeed(seed);
        }
        return property.execute();
    }
}
