# An instance of a builtin subclass (class D(dict), class L(list)): its __dict__ is live, so writes
# through it are attributes and attribute writes show in it; del removes such an attribute.
class DD(dict):
    pass


class LS(list):
    pass


d = DD(k=1)
d.__dict__.update({'attr': 1})
print(d.__dict__, d.attr, hasattr(d, 'attr'), d)
d.b = 2
print(d.__dict__, d.b, vars(d), vars(d) is d.__dict__)
d.__dict__['c'] = 3
print(d.c)
del d.c
print(d.__dict__, hasattr(d, 'c'))
try:
    del d.c
except AttributeError as e:
    print('AttributeError', e)
del d.__dict__['b']
print(hasattr(d, 'b'), d)
l = LS([1])
l.__dict__['q'] = 1
print(l.q, l.__dict__, l)
l.q += 1
print(l.__dict__)
