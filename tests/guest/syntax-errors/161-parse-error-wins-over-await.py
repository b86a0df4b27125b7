def f(xs):
    await xs
    return (
