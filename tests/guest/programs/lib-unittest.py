# unittest: a broad probe of TestCase/TestSuite/TestLoader/TextTestRunner/main against CPython
# (every assert method's message and diff, fixtures, cleanups, subtests, skips, expected failures,
# class/module fixture errors, failfast, buffer, the loader, main() with argv and exit status).
# The runner's "Ran N tests in X.XXXs" line carries elapsed time, which is simulated time under
# htmsim (time.perf_counter() of the guest) and wall time under CPython, so every run here goes
# to a StringIO stream (or, for the final unittest.main(), a stderr wrapper) whose text has that
# one number replaced by X.XXX before it is shown; the line's shape is checked by the regex.
# Everything else (dots, verbose lines, failure sections, tracebacks, messages, summary line,
# exit status) is compared byte for byte; paths in tracebacks shown on stdout are cut to the base name.
import io
import re
import sys
import unittest
import warnings

TIME = re.compile(r'Ran (\d+) tests? in \d+\.\d\d\ds')


def fix(text):
    # Tracebacks printed to stdout name the file by its base name, as make-goldens.py does for stderr.
    text = re.sub(r'File "[^"]*/([^"/]+)"', r'File "\1"', text)
    text = re.sub(r'^[^\s"]*/([^/\s"]+\.py):', r'\1:', text, flags=re.M)
    return TIME.sub(lambda m: m.group(0)[:m.group(0).rindex(' ') + 1] + 'X.XXXs', text)


def run(test, verbosity=1, **kw):
    s = io.StringIO()
    r = unittest.TextTestRunner(stream=s, verbosity=verbosity, **kw).run(test)
    print(fix(s.getvalue()), end='')
    print('->', r, r.wasSuccessful(), r.testsRun, len(r.failures), len(r.errors), len(r.skipped),
          len(r.expectedFailures), len(r.unexpectedSuccesses))
    return r


def load(*classes):
    return unittest.TestSuite(unittest.defaultTestLoader.loadTestsFromTestCase(c) for c in classes)


class Messages(unittest.TestCase):
    maxDiff = None

    def test_equal_int(self):
        self.assertEqual(1, 2)

    def test_equal_msg(self):
        self.assertEqual('a', 'b', 'extra words')

    def test_equal_long_repr(self):
        self.assertEqual('x' * 100 + 'a', 'x' * 100 + 'b')

    def test_equal_long_different(self):
        self.assertEqual(list(range(40)), list(range(1, 41)))

    def test_equal_tuple(self):
        self.assertEqual((1, 2, 3), (1, 2))

    def test_equal_list_longer(self):
        self.assertEqual([1, 2], [1, 2, [3, 4]])

    def test_equal_set(self):
        self.assertEqual({1, 2, 3}, {2, 3, 4})

    def test_equal_frozenset(self):
        self.assertEqual(frozenset('ab'), frozenset('a'))

    def test_equal_dict_big(self):
        a = {'key%d' % i: list(range(i)) for i in range(8)}
        b = dict(a)
        b['key5'] = 'changed'
        self.assertEqual(a, b)

    def test_multiline(self):
        self.assertEqual('one\ntwo\nthree\nfour\n', 'one\ntoo\nthree\nfour\nfive\n')

    def test_multiline_single(self):
        self.assertMultiLineEqual('hello world', 'hello there world')

    def test_mixed_types(self):
        self.assertEqual([1], (1,))

    def test_not_equal(self):
        self.assertNotEqual([1], [1])

    def test_true(self):
        self.assertTrue([])

    def test_false(self):
        self.assertFalse('x', msg='should be empty')

    def test_is(self):
        self.assertIs([], None)

    def test_is_not(self):
        self.assertIsNot(None, None)

    def test_is_none(self):
        self.assertIsNone(0)

    def test_is_not_none(self):
        self.assertIsNotNone(None)

    def test_in(self):
        self.assertIn('z', 'abc')

    def test_not_in(self):
        self.assertNotIn(2, {1: 'a', 2: 'b'})

    def test_isinstance(self):
        self.assertIsInstance(3, str)

    def test_not_isinstance(self):
        self.assertNotIsInstance(3, (int, float))

    def test_almost(self):
        self.assertAlmostEqual(1.0, 1.1)

    def test_almost_places(self):
        self.assertAlmostEqual(1.0, 1.001, places=2)
        self.assertAlmostEqual(1.0, 1.001, places=3)

    def test_almost_delta(self):
        self.assertAlmostEqual(10, 12, delta=1)

    def test_almost_both(self):
        try:
            self.assertAlmostEqual(1, 2, places=1, delta=1)
        except TypeError as e:
            print('TypeError:', e)

    def test_not_almost(self):
        self.assertNotAlmostEqual(1.0, 1.00000001)

    def test_not_almost_delta(self):
        self.assertNotAlmostEqual(5, 5.5, delta=1)

    def test_less(self):
        self.assertLess(3, 2)

    def test_less_equal(self):
        self.assertLessEqual('b', 'a')

    def test_greater(self):
        self.assertGreater(1, 1)

    def test_greater_equal(self):
        self.assertGreaterEqual(0.5, 1)

    def test_count_equal(self):
        self.assertCountEqual([1, 2, 2, 'a'], [2, 1, 'b', 'a', 'a'])

    def test_count_equal_unhashable(self):
        self.assertCountEqual([[1], [2], [2]], [[2], [1], [1]])

    def test_regex(self):
        self.assertRegex('hello world', r'^wor')

    def test_not_regex(self):
        self.assertNotRegex('hello world', r'o\sw')

    def test_fail(self):
        self.fail('explicit failure')

    def test_fail_none(self):
        self.fail()

    def test_sequence_equal(self):
        self.assertSequenceEqual('abc', 'abd')

    def test_list_type(self):
        self.assertListEqual((1,), [1])

    def test_dict_type(self):
        self.assertDictEqual({}, [])


class Truncation(unittest.TestCase):
    def test_list_truncated(self):
        self.assertEqual(list(range(100)), list(range(1, 101)))

    def test_dict_short_limit(self):
        self.maxDiff = 20
        self.assertEqual({'a': 1}, {'a': 2})

    def test_long_message_off(self):
        self.longMessage = False
        self.assertEqual(1, 2, 'only this')

    def test_long_message_off_default(self):
        self.longMessage = False
        self.assertEqual(1, 2)


class Raising(unittest.TestCase):
    def test_raises_ok(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        print('exception:', repr(cm.exception), cm.exception.__traceback__)

    def test_raises_callable(self):
        e = self.assertRaises(ValueError, int, 'x')
        print('callable form returns', e)

    def test_raises_tuple(self):
        with self.assertRaises((KeyError, IndexError)):
            [][1]

    def test_raises_other(self):
        with self.assertRaises(KeyError):
            {}.pop  # no call
            raise TypeError('wrong kind')

    def test_raises_missing(self):
        with self.assertRaises(ValueError, msg='needs a ValueError'):
            pass

    def test_raises_missing_callable(self):
        def quiet(x):
            return x
        self.assertRaises(ValueError, quiet, 1)

    def test_raises_regex_ok(self):
        with self.assertRaisesRegex(ValueError, r'invalid literal.*\'x\'') as cm:
            int('x')
        print('regex matched:', cm.exception)

    def test_raises_regex_bad(self):
        with self.assertRaisesRegex(ValueError, 'nope'):
            int('x')

    def test_raises_regex_callable(self):
        self.assertRaisesRegex(KeyError, 'k', {}.__getitem__, 'k')

    def test_raises_bad_type(self):
        for name in ('assertRaises', 'assertRaisesRegex', 'assertWarns'):
            try:
                getattr(self, name)(int, len, []) if name != 'assertRaisesRegex' else self.assertRaisesRegex(int, 'x', len, [])
            except TypeError as e:
                print('TypeError:', e)

    def test_raises_bad_keyword(self):
        try:
            with self.assertRaises(ValueError, bogus=1):
                pass
        except TypeError as e:
            print('TypeError:', e)

    def test_warns(self):
        with self.assertWarns(UserWarning) as cm:
            warnings.warn('careful', UserWarning)
        print('warning:', cm.warning, cm.lineno > 0)

    def test_warns_missing(self):
        with self.assertWarns(DeprecationWarning):
            pass

    def test_warns_regex(self):
        with self.assertWarnsRegex(RuntimeWarning, 'abc'):
            warnings.warn('xyz', RuntimeWarning)

    def test_chained(self):
        try:
            {}['k']
        except KeyError as e:
            raise RuntimeError('wrapped') from e

    def test_context(self):
        try:
            1 / 0
        except ZeroDivisionError:
            [].pop()

    def helper(self, n):
        if n == 0:
            raise OSError('deep')
        self.helper(n - 1)

    def test_deep_error(self):
        self.helper(2)

    def check(self, v):
        self.assertEqual(v, 0)

    def test_fail_in_helper(self):
        self.check(5)


class Flow(unittest.TestCase):
    log = []

    @classmethod
    def setUpClass(cls):
        cls.log.append('setUpClass')

    @classmethod
    def tearDownClass(cls):
        cls.log.append('tearDownClass')
        print('log:', cls.log)

    def setUp(self):
        self.log.append('setUp ' + self._testMethodName)
        self.addCleanup(self.log.append, 'cleanup1 ' + self._testMethodName)
        self.addCleanup(lambda: self.log.append('cleanup2'))

    def tearDown(self):
        self.log.append('tearDown')

    def test_a_pass(self):
        """First line of the doc.

        Second paragraph."""
        self.log.append('a')

    def test_b_skip_inside(self):
        self.skipTest('skipped from inside')

    @unittest.skipIf(True, 'condition held')
    def test_c_skip_if(self):
        pass

    @unittest.skipUnless(False, 'condition failed')
    def test_d_skip_unless(self):
        pass

    @unittest.skipIf(False, 'not skipped')
    def test_e_not_skipped(self):
        self.log.append('e')

    @unittest.skip
    def test_f_bare_skip(self):
        pass

    def test_g_subtests(self):
        for i in range(5):
            with self.subTest(i=i, sq=i * i):
                if i == 3:
                    raise KeyError(i)
                self.assertNotEqual(i % 2, 1)

    def test_h_subtest_msg(self):
        with self.subTest('outer', a=1):
            with self.subTest(b=2):
                self.assertTrue(False)
            with self.subTest('inner'):
                self.fail('inner failure')
        with self.subTest():
            self.fail('bare')

    def test_i_subtest_skip(self):
        with self.subTest(k=1):
            self.skipTest('sub skip')
        self.log.append('after subtest skip')

    @unittest.expectedFailure
    def test_j_expected(self):
        self.assertEqual(1, 0)

    @unittest.expectedFailure
    def test_k_unexpected(self):
        pass

    @unittest.expectedFailure
    def test_l_expected_subtest(self):
        with self.subTest(x=1):
            self.fail('expected')
        self.log.append('not reached')

    def test_m_cleanup_error(self):
        self.addCleanup(lambda: 1 / 0)

    def test_n_enter_context(self):
        class Ctx:
            def __enter__(self):
                Flow.log.append('enter')
                return 42

            def __exit__(self, *a):
                Flow.log.append('exit %r' % (a,))
        self.assertEqual(self.enterContext(Ctx()), 42)

    def test_o_enter_context_bad(self):
        try:
            self.enterContext(object())
        except TypeError as e:
            print('TypeError:', e)


class SetUpErrors(unittest.TestCase):
    def setUp(self):
        if self._testMethodName == 'test_setup_fails':
            raise ValueError('setUp broke')

    def tearDown(self):
        if self._testMethodName == 'test_teardown_fails':
            raise RuntimeError('tearDown broke')

    def test_setup_fails(self):
        print('never')

    def test_teardown_fails(self):
        pass

    def test_both(self):
        self.assertEqual(1, 1)


class ClassSetupFails(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise OSError('no database')

    def test_x(self):
        pass


class ClassTearDownFails(unittest.TestCase):
    @classmethod
    def tearDownClass(cls):
        raise ValueError('teardown class broke')

    def test_y(self):
        pass


@unittest.skip('whole class')
class SkippedClass(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        print('not called')

    def test_1(self):
        pass

    def test_2(self):
        pass


class ClassSkipInSetup(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        raise unittest.SkipTest('skip from setUpClass')

    def test_z(self):
        pass


class Mixin:
    def test_from_mixin(self):
        self.assertEqual(self.value, 1)


class WithMixin(Mixin, unittest.TestCase):
    value = 2

    def test_B(self):
        pass

    def test_a(self):
        pass

    def testZ(self):
        pass

    test_not_callable = 5


print('=== messages')
run(load(Messages))
print('=== truncation')
run(load(Truncation))
print('=== raising, verbose')
run(load(Raising), verbosity=2)
print('=== flow, verbose')
run(load(Flow), verbosity=2)
print('=== flow, dots')
Flow.log = []
run(load(Flow))
print('=== setup errors')
run(load(SetUpErrors, ClassSetupFails, ClassTearDownFails, SkippedClass, ClassSkipInSetup), verbosity=2)
print('=== quiet')
run(load(SetUpErrors, WithMixin), verbosity=0)
print('=== failfast')
run(load(Messages), failfast=True)
print('=== buffer')


class Buffered(unittest.TestCase):
    def test_quiet_pass(self):
        print('hidden output')

    def test_loud_fail(self):
        print('shown output')
        sys.stderr.write('shown error')
        self.fail('with buffers')


r = run(load(Buffered), buffer=True)

print('=== loader')
loader = unittest.TestLoader()
print(loader.getTestCaseNames(WithMixin))
loader.sortTestMethodsUsing = lambda a, b: (a < b) - (a > b)
print(loader.getTestCaseNames(WithMixin))
loader.sortTestMethodsUsing = None
print(loader.getTestCaseNames(WithMixin))
loader = unittest.TestLoader()
loader.testMethodPrefix = 'testZ'
print(loader.getTestCaseNames(WithMixin))
loader = unittest.TestLoader()
loader.testNamePatterns = ['*_a', '*Mixin.test_B']
print(loader.getTestCaseNames(WithMixin))
suite = unittest.defaultTestLoader.loadTestsFromTestCase(WithMixin)
print(suite)
print(suite.countTestCases(), list(suite)[0], repr(list(suite)[0]), list(suite)[0].id())
print(list(suite)[0] == WithMixin('test_B'), list(suite)[0] == WithMixin('test_a'), hash(WithMixin('test_a')) == hash(WithMixin('test_a')))
print(WithMixin('test_a').shortDescription(), Flow('test_a_pass').shortDescription())
print(unittest.defaultTestLoader.loadTestsFromName('WithMixin.test_a', sys.modules['__main__']))
print(unittest.defaultTestLoader.loadTestsFromNames(['WithMixin', 'Flow.test_e_not_skipped'], sys.modules['__main__']).countTestCases())
mod_suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules['__main__'])
print(mod_suite.countTestCases(), [s.countTestCases() for s in mod_suite])
try:
    WithMixin('nope')
except ValueError as e:
    print('ValueError:', e)
try:
    unittest.TestSuite().addTest(WithMixin)
except TypeError as e:
    print('TypeError:', e)
try:
    unittest.TestSuite().addTest(5)
except TypeError as e:
    print('TypeError:', e)
try:
    unittest.TestSuite('abc')
except TypeError as e:
    print('TypeError:', e)
s = unittest.TestSuite([WithMixin('test_a'), unittest.TestSuite([WithMixin('test_B')])])
print(s.countTestCases(), s)
res = unittest.TestResult()
s.run(res)
print(res, res.testsRun, s.countTestCases(), list(s))
res = unittest.TestResult()
WithMixin('test_from_mixin').run(res)
print(res.failures[0][0], fix(res.failures[0][1]), sep='\n')
ft = unittest.FunctionTestCase(lambda: None, description='a function test')
print(ft, ft.shortDescription(), ft.countTestCases())


def plain_failing():
    """Plain failing function."""
    assert 1 == 2, 'plain assert'


run(unittest.TestSuite([unittest.FunctionTestCase(plain_failing)]), verbosity=2)
print(str(Flow('test_g_subtests')), Flow('test_g_subtests').id())
print(unittest.TestCase.failureException, unittest.TestCase.maxDiff, unittest.TestCase.longMessage)
e = unittest.SkipTest('why')
print(repr(e), isinstance(e, Exception))
print(unittest.defaultTestLoader.suiteClass is unittest.TestSuite)


class Returns(unittest.TestCase):
    def test_direct(self):
        self.assertEqual(2 + 2, 4)


Returns('test_direct').debug()
print('debug ok')
r = Returns('test_direct').run()
print(r, r.testsRun)
print('=== main, exit=False')


class Small(unittest.TestCase):
    def test_one(self):
        pass

    def test_two(self):
        self.assertEqual(sum([1, 2]), 4)


class Wrap:
    def __init__(self, real):
        self.real = real

    def write(self, s):
        return self.real.write(fix(s))

    def flush(self):
        self.real.flush()


real_stderr = sys.stderr
sys.stderr = Wrap(io.StringIO())
prog = unittest.main(argv=['prog', 'Small'], exit=False)
print(fix(sys.stderr.real.getvalue()), end='')
print(prog.result, prog.result.wasSuccessful())
sys.stderr = Wrap(io.StringIO())
prog = unittest.main(argv=['prog', '-v', '-k', 'one', 'Small'], exit=False)
print(fix(sys.stderr.real.getvalue()), end='')
sys.stderr = Wrap(io.StringIO())
prog = unittest.main(argv=['prog', '-q'], defaultTest='Small.test_one', exit=False)
print(repr(fix(sys.stderr.real.getvalue())))
unittest.defaultTestLoader.testNamePatterns = None
for argv in (['prog', 'NoSuchTest'],):
    sys.stderr = Wrap(io.StringIO())
    try:
        unittest.main(argv=argv, exit=False)
    except SystemExit as e:
        print('SystemExit', e.code)
    except AttributeError as e:
        print('AttributeError', e)
    print(fix(sys.stderr.real.getvalue()), end='')


class Warns(unittest.TestCase):
    def test_deprecated(self):
        warnings.warn('old api', DeprecationWarning)

    def test_filters_restored(self):
        print('filters restored after run:', warnings.filters == saved_filters)


saved_filters = list(warnings.filters)
sys.stderr = Wrap(io.StringIO())
unittest.main(argv=['prog', 'Warns'], exit=False)
print(fix(sys.stderr.real.getvalue()), end='')
print('filters restored:', warnings.filters == saved_filters)
print('=== main, real stderr and exit status')
sys.stderr = Wrap(real_stderr)
unittest.defaultTestLoader.testNamePatterns = None
unittest.main(argv=['prog', 'Small', 'Returns'])
