/**
 * `locale` in guest Python: the machine has the C locales only, as a CPython 3.11 process started
 * with an empty environment (`env -i`, UTF-8 mode) sees them. At start LC_CTYPE is `C.UTF-8` (the
 * PEP 538 coercion CPython applies to a C locale) and the other categories `C`. `setlocale` takes
 * `C`/`POSIX` and `C.` + a UTF-8 codeset spelling glibc accepts (`C.UTF-8`, `C.utf8`, `C.UTF8`,
 * optionally `@modifier`), or glibc's composite `LC_CTYPE=...;...` string of all twelve categories;
 * anything else raises `locale.Error` ("unsupported locale setting"). `setlocale(cat, '')` reads
 * `LC_ALL`, `LC_<cat>`, `LANG` from `os.environ` (empty at start, so LC_CTYPE is `C.UTF-8`, as the
 * coerced `LC_CTYPE` variable gives CPython; `getdefaultlocale` assumes that variable too).
 * `localeconv`, `nl_langinfo`, `format_string`, `currency`, `str`, `atof`, `atoi`, `delocalize`,
 * `localize`, `strcoll`, `strxfrm` give the C locale's results (no grouping, '.' as the decimal
 * point, no currency). `normalize` uses a subset of CPython's alias table (`locale_alias`: the C and
 * POSIX names and about forty languages, taken from CPython 3.11) and of its encoding names.
 */
import { pythonModule } from './kit.js';

export const locale = pythonModule('locale', String.raw`
import re as _re

__all__ = ["getlocale", "getdefaultlocale", "getpreferredencoding", "Error",
           "setlocale", "resetlocale", "localeconv", "strcoll", "strxfrm",
           "str", "atof", "atoi", "format", "format_string", "currency",
           "normalize", "LC_CTYPE", "LC_COLLATE", "LC_TIME", "LC_MONETARY",
           "LC_NUMERIC", "LC_ALL", "CHAR_MAX", "getencoding", "LC_MESSAGES"]

_builtin_str = str

LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127

# glibc's categories in the order of its composite LC_ALL name (LC_ALL itself is 6).
_CATEGORIES = (('LC_CTYPE', 0), ('LC_NUMERIC', 1), ('LC_TIME', 2), ('LC_COLLATE', 3),
               ('LC_MONETARY', 4), ('LC_MESSAGES', 5), ('LC_PAPER', 7), ('LC_NAME', 8),
               ('LC_ADDRESS', 9), ('LC_TELEPHONE', 10), ('LC_MEASUREMENT', 11),
               ('LC_IDENTIFICATION', 12))
_current = {n: 'C' for _, n in _CATEGORIES}
_current[LC_CTYPE] = 'C.UTF-8'


class Error(Exception):
    pass


def _accepts(name):
    # The locales installed on the simulated machine: C, POSIX and C.UTF-8 under the spellings
    # glibc takes. Returns the name setlocale reports, or None.
    if name in ('C', 'POSIX'):
        return 'C'
    if name.startswith('C.'):
        codeset = name[2:].partition('@')[0]
        if ''.join(ch for ch in codeset.lower() if ch.isalnum()) == 'utf8':
            return name
    return None


def _env_locale(category, label):
    import os
    for var in ('LC_ALL', label, 'LANG'):
        value = os.environ.get(var)
        if value:
            return value
    return 'C.UTF-8' if category == LC_CTYPE else 'C'


def _query(category):
    if category == LC_ALL:
        names = [_current[n] for _, n in _CATEGORIES]
        if all(x == names[0] for x in names):
            return names[0]
        return ';'.join('%s=%s' % (label, _current[n]) for label, n in _CATEGORIES)
    if category not in _current:
        raise Error('locale query failed')
    return _current[category]


def _set(category, name):
    if category == LC_ALL:
        if name == '':
            wanted = {n: _accepts(_env_locale(n, label)) for label, n in _CATEGORIES}
        elif '=' in name:
            wanted = {}
            labels = dict(_CATEGORIES)
            for item in name.split(';'):
                label, _, value = item.partition('=')
                if label in labels:
                    wanted[labels[label]] = _accepts(value)
            if len(wanted) != len(_CATEGORIES):
                raise Error('unsupported locale setting')
        else:
            one = _accepts(name)
            wanted = {n: one for _, n in _CATEGORIES}
        if None in wanted.values():
            raise Error('unsupported locale setting')
        _current.update(wanted)
        return _query(LC_ALL)
    if category not in _current:
        raise Error('unsupported locale setting')
    if name == '':
        label = [lb for lb, n in _CATEGORIES if n == category][0]
        name = _env_locale(category, label)
    got = _accepts(name)
    if got is None:
        raise Error('unsupported locale setting')
    _current[category] = got
    return got


def _build_localename(localetuple):
    try:
        language, encoding = localetuple
        if language is None:
            language = 'C'
        if encoding is None:
            return language
        return language + '.' + encoding
    except (TypeError, ValueError):
        raise TypeError('Locale must be None, a string, or an iterable of two strings -- '
                        'language code, encoding.') from None


def setlocale(category, locale=None):
    if category.__class__ is not int:
        category = category.__index__() if hasattr(category, '__index__') else _bad_int(category)
    if locale and not isinstance(locale, _builtin_str):
        locale = normalize(_build_localename(locale))
    if locale is None:
        return _query(category)
    return _set(category, locale)


def _bad_int(v):
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)


def _parse_localename(localename):
    code = normalize(localename)
    if '@' in code:
        code, modifier = code.split('@', 1)
        if modifier == 'euro' and '.' not in code:
            return code, 'iso-8859-15'
    if '.' in code:
        return tuple(code.split('.')[:2])
    if code == 'C':
        return None, None
    if code == 'UTF-8':
        return None, 'UTF-8'
    raise ValueError('unknown locale: %s' % localename)


def getlocale(category=LC_CTYPE):
    localename = setlocale(category)
    if category == LC_ALL and ';' in localename:
        raise TypeError('category LC_ALL is not supported')
    return _parse_localename(localename)


def getdefaultlocale(envvars=('LC_ALL', 'LC_CTYPE', 'LANG', 'LANGUAGE')):
    import os
    import warnings
    warnings.warn("'locale.getdefaultlocale' is deprecated and slated for removal in Python 3.15. "
                  "Use setlocale(), getencoding() and getlocale() instead.", DeprecationWarning, stacklevel=2)
    for variable in envvars:
        # CPython's coerced LC_CTYPE=C.UTF-8 stands in for the run's empty environment.
        localename = os.environ.get(variable, 'C.UTF-8' if variable == 'LC_CTYPE' else None)
        if localename:
            if variable == 'LANGUAGE':
                localename = localename.split(':')[0]
            break
    else:
        localename = 'C'
    return _parse_localename(localename)


def resetlocale(category=LC_ALL):
    import warnings
    warnings.warn('Use locale.setlocale(locale.LC_ALL, "") instead', DeprecationWarning, stacklevel=2)
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', category=DeprecationWarning)
        loc = getdefaultlocale()
    setlocale(category, _build_localename(loc))


def getencoding():
    return 'UTF-8' if _current[LC_CTYPE] != 'C' else 'ANSI_X3.4-1968'


def getpreferredencoding(do_setlocale=True):
    # UTF-8 mode (on in a C locale since PEP 540): always UTF-8.
    return 'utf-8'


def localeconv():
    return {'int_curr_symbol': '', 'currency_symbol': '', 'mon_decimal_point': '', 'mon_thousands_sep': '',
            'mon_grouping': [], 'positive_sign': '', 'negative_sign': '', 'int_frac_digits': CHAR_MAX,
            'frac_digits': CHAR_MAX, 'p_cs_precedes': CHAR_MAX, 'p_sep_by_space': CHAR_MAX,
            'n_cs_precedes': CHAR_MAX, 'n_sep_by_space': CHAR_MAX, 'p_sign_posn': CHAR_MAX,
            'n_sign_posn': CHAR_MAX, 'decimal_point': '.', 'thousands_sep': '', 'grouping': []}


CODESET = 14
RADIXCHAR = 65536
THOUSEP = 65537
YESEXPR = 327680
NOEXPR = 327681
CRNCYSTR = 262159
ABDAY_1, ABDAY_2, ABDAY_3, ABDAY_4, ABDAY_5, ABDAY_6, ABDAY_7 = range(131072, 131079)
DAY_1, DAY_2, DAY_3, DAY_4, DAY_5, DAY_6, DAY_7 = range(131079, 131086)
(ABMON_1, ABMON_2, ABMON_3, ABMON_4, ABMON_5, ABMON_6, ABMON_7, ABMON_8, ABMON_9, ABMON_10, ABMON_11,
 ABMON_12) = range(131086, 131098)
MON_1, MON_2, MON_3, MON_4, MON_5, MON_6, MON_7, MON_8, MON_9, MON_10, MON_11, MON_12 = range(131098, 131110)
AM_STR = 131110
PM_STR = 131111
D_T_FMT = 131112
D_FMT = 131113
T_FMT = 131114
T_FMT_AMPM = 131115
ERA = 131116
ERA_D_FMT = 131118
ALT_DIGITS = 131119
ERA_D_T_FMT = 131120
ERA_T_FMT = 131121

_DAYS = ('Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday')
_MONTHS = ('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
           'October', 'November', 'December')
_LANGINFO = {RADIXCHAR: '.', THOUSEP: '', YESEXPR: '^[yY]', NOEXPR: '^[nN]', CRNCYSTR: '-',
             AM_STR: 'AM', PM_STR: 'PM', D_T_FMT: '%a %b %e %H:%M:%S %Y', D_FMT: '%m/%d/%y',
             T_FMT: '%H:%M:%S', T_FMT_AMPM: '%I:%M:%S %p', ERA: '', ERA_D_FMT: '', ALT_DIGITS: '',
             ERA_D_T_FMT: '', ERA_T_FMT: ''}
for _i in range(7):
    _LANGINFO[DAY_1 + _i] = _DAYS[_i]
    _LANGINFO[ABDAY_1 + _i] = _DAYS[_i][:3]
for _i in range(12):
    _LANGINFO[MON_1 + _i] = _MONTHS[_i]
    _LANGINFO[ABMON_1 + _i] = _MONTHS[_i][:3]
del _i


def nl_langinfo(key):
    if key.__class__ is not int:
        key = key.__index__() if hasattr(key, '__index__') else _bad_int(key)
    if key == CODESET:
        return getencoding()
    try:
        return _LANGINFO[key]
    except KeyError:
        raise ValueError('unsupported langinfo constant') from None


def strcoll(a, b):
    # The C locale collates by code point.
    if not isinstance(a, _builtin_str) or not isinstance(b, _builtin_str):
        bad = b if isinstance(a, _builtin_str) else a
        raise TypeError('strcoll() argument %d must be str, not %s'
                        % (2 if isinstance(a, _builtin_str) else 1, type(bad).__name__))
    return (a > b) - (a < b)


def strxfrm(s):
    if not isinstance(s, _builtin_str):
        raise TypeError('strxfrm() argument must be str, not %s' % type(s).__name__)
    return s


# One %-directive: an optional (key), flags/width/precision, a conversion.
_percent_re = _re.compile(r'%(?:\((?P<key>.*?)\))?(?P<modifiers>[-#0-9 +*.hlL]*?)[eEfFgGdiouxXcrs%]')


def _format(percent, value, grouping=False, monetary=False, *additional):
    formatted = percent % ((value,) + additional) if additional else percent % value
    if percent[-1] in 'eEfFgGdiu':
        # The C locale groups nothing; only the decimal point can change (monetary: none).
        conv = localeconv()
        formatted = conv['mon_decimal_point' if monetary else 'decimal_point'].join(formatted.split('.'))
    return formatted


def format_string(f, val, grouping=False, monetary=False):
    from collections.abc import Mapping
    percents = list(_percent_re.finditer(f))
    new_f = _percent_re.sub('%s', f)
    new_val = []
    if isinstance(val, Mapping):
        for perc in percents:
            if perc.group()[-1] == '%':
                new_val.append('%')
            else:
                new_val.append(_format(perc.group(), val, grouping, monetary))
    else:
        if not isinstance(val, tuple):
            val = (val,)
        i = 0
        for perc in percents:
            if perc.group()[-1] == '%':
                new_val.append('%')
            else:
                stars = perc.group('modifiers').count('*')
                new_val.append(_format(perc.group(), val[i], grouping, monetary, *val[i + 1:i + 1 + stars]))
                i += 1 + stars
    return new_f % tuple(new_val)


def format(percent, value, grouping=False, monetary=False, *additional):
    import warnings
    warnings.warn("This method will be removed in a future version of Python. "
                  "Use 'locale.format_string()' instead.", DeprecationWarning, stacklevel=2)
    match = _percent_re.match(percent)
    if not match or len(match.group()) != len(percent):
        raise ValueError('format() must be given exactly one %%char format specifier, %s not valid'
                         % repr(percent))
    return _format(percent, value, grouping, monetary, *additional)


def currency(val, symbol=True, grouping=False, international=False):
    # Every locale here is a C locale, whose frac_digits of CHAR_MAX means no currency.
    raise ValueError("Currency formatting is not possible using the 'C' locale.")


def str(val):
    return _format('%.12g', val)


def delocalize(string):
    conv = localeconv()
    ts = conv['thousands_sep']
    if ts:
        string = string.replace(ts, '')
    dd = conv['decimal_point']
    if dd:
        string = string.replace(dd, '.')
    return string


def localize(string, grouping=False, monetary=False):
    return string


def atof(string, func=float):
    return func(delocalize(string))


def atoi(string):
    return int(delocalize(string))


# normalize(): the most specific alias wins (name with encoding and modifier, then without the
# modifier, then the language alone with the encoding put back).
_ENCODING_NAMES = {
    'utf8': 'UTF-8', 'latin1': 'ISO8859-1', 'iso88591': 'ISO8859-1', 'iso885915': 'ISO8859-15',
    'latin9': 'ISO8859-15', 'ascii': 'ISO8859-1', 'usascii': 'ISO8859-1', 'eucjp': 'eucJP',
    'euckr': 'eucKR', 'gb2312': 'gb2312', 'gbk': 'gbk', 'gb18030': 'gb18030', 'big5': 'big5',
    'big5hkscs': 'big5hkscs', 'cp1252': 'cp1252', 'cp1251': 'CP1251', 'cp1250': 'cp1250',
    'koi8r': 'KOI8-R', 'koi8u': 'KOI8-U', 'sjis': 'SJIS', 'shiftjis': 'SJIS', 'iso88592': 'ISO8859-2',
    'iso88595': 'ISO8859-5', 'iso88597': 'ISO8859-7', 'iso88598': 'ISO8859-8', 'iso88599': 'ISO8859-9',
    'iso885913': 'ISO8859-13', 'iso885914': 'ISO8859-14', 'iso885916': 'ISO8859-16', 'tis620': 'tis_620',
    'utf16': 'utf_16', 'cp437': 'cp437', 'cp850': 'cp850', 'macroman': 'mac_roman', '646': 'ISO8859-1',
    'ansix3.41968': 'ISO8859-1', 'euctw': 'euctw', 'iso8859': 'ISO8859-1'}

locale_encoding_alias = {
    '437': 'C', 'c': 'C', 'en': 'ISO8859-1', 'jis': 'JIS7', 'jis7': 'JIS7', 'ajec': 'eucJP',
    'koi8c': 'KOI8-C', 'microsoftcp1251': 'CP1251', 'microsoftcp1255': 'CP1255',
    'microsoftcp1256': 'CP1256', '88591': 'ISO8859-1', '88592': 'ISO8859-2', '88595': 'ISO8859-5',
    '885915': 'ISO8859-15', 'ascii': 'ISO8859-1', 'latin_1': 'ISO8859-1', 'iso8859_1': 'ISO8859-1',
    'iso8859_10': 'ISO8859-10', 'iso8859_11': 'ISO8859-11', 'iso8859_13': 'ISO8859-13',
    'iso8859_14': 'ISO8859-14', 'iso8859_15': 'ISO8859-15', 'iso8859_16': 'ISO8859-16',
    'iso8859_2': 'ISO8859-2', 'iso8859_3': 'ISO8859-3', 'iso8859_4': 'ISO8859-4', 'iso8859_5': 'ISO8859-5',
    'iso8859_6': 'ISO8859-6', 'iso8859_7': 'ISO8859-7', 'iso8859_8': 'ISO8859-8', 'iso8859_9': 'ISO8859-9',
    'iso2022_jp': 'JIS7', 'shift_jis': 'SJIS', 'tactis': 'TACTIS', 'euc_jp': 'eucJP', 'euc_kr': 'eucKR',
    'utf_8': 'UTF-8', 'koi8_r': 'KOI8-R', 'koi8_t': 'KOI8-T', 'koi8_u': 'KOI8-U', 'kz1048': 'RK1048',
    'cp1251': 'CP1251', 'cp1255': 'CP1255', 'cp1256': 'CP1256', 'eucjp': 'eucJP', 'euckr': 'eucKR',
    'iso2022jp': 'JIS7', 'iso88591': 'ISO8859-1', 'iso885910': 'ISO8859-10', 'iso885911': 'ISO8859-11',
    'iso885913': 'ISO8859-13', 'iso885914': 'ISO8859-14', 'iso885915': 'ISO8859-15',
    'iso885916': 'ISO8859-16', 'iso88592': 'ISO8859-2', 'iso88593': 'ISO8859-3', 'iso88594': 'ISO8859-4',
    'iso88595': 'ISO8859-5', 'iso88596': 'ISO8859-6', 'iso88597': 'ISO8859-7', 'iso88598': 'ISO8859-8',
    'iso88599': 'ISO8859-9', 'koi8r': 'KOI8-R', 'koi8t': 'KOI8-T', 'koi8u': 'KOI8-U', 'latin1': 'ISO8859-1',
    'shiftjis': 'SJIS', 'utf8': 'UTF-8'}

locale_alias = {
    'ar': 'ar_AA.ISO8859-6', 'ar_aa': 'ar_AA.ISO8859-6', 'ar_ae': 'ar_AE.ISO8859-6',
    'ar_bh': 'ar_BH.ISO8859-6', 'ar_dz': 'ar_DZ.ISO8859-6', 'ar_eg': 'ar_EG.ISO8859-6',
    'ar_in': 'ar_IN.UTF-8', 'ar_iq': 'ar_IQ.ISO8859-6', 'ar_jo': 'ar_JO.ISO8859-6',
    'ar_kw': 'ar_KW.ISO8859-6', 'ar_lb': 'ar_LB.ISO8859-6', 'ar_ly': 'ar_LY.ISO8859-6',
    'ar_ma': 'ar_MA.ISO8859-6', 'ar_om': 'ar_OM.ISO8859-6', 'ar_qa': 'ar_QA.ISO8859-6',
    'ar_sa': 'ar_SA.ISO8859-6', 'ar_sd': 'ar_SD.ISO8859-6', 'ar_ss': 'ar_SS.UTF-8',
    'ar_sy': 'ar_SY.ISO8859-6', 'ar_tn': 'ar_TN.ISO8859-6', 'ar_ye': 'ar_YE.ISO8859-6',
    'bg': 'bg_BG.CP1251', 'bg_bg': 'bg_BG.CP1251', 'c': 'C', 'c.ascii': 'C', 'c.en': 'C',
    'c.iso88591': 'en_US.ISO8859-1', 'c.utf8': 'en_US.UTF-8', 'c_c': 'C', 'c_c.c': 'C',
    'ca': 'ca_ES.ISO8859-1', 'ca_ad': 'ca_AD.ISO8859-1', 'ca_es': 'ca_ES.ISO8859-1',
    'ca_es@valencia': 'ca_ES.UTF-8@valencia', 'ca_fr': 'ca_FR.ISO8859-1', 'ca_it': 'ca_IT.ISO8859-1',
    'chinese-s': 'zh_CN.eucCN', 'chinese-t': 'zh_TW.eucTW', 'cs': 'cs_CZ.ISO8859-2',
    'cs_cs': 'cs_CZ.ISO8859-2', 'cs_cz': 'cs_CZ.ISO8859-2', 'cy': 'cy_GB.ISO8859-1',
    'cy_gb': 'cy_GB.ISO8859-1', 'czech': 'cs_CZ.ISO8859-2', 'da': 'da_DK.ISO8859-1',
    'da_dk': 'da_DK.ISO8859-1', 'danish': 'da_DK.ISO8859-1', 'de': 'de_DE.ISO8859-1',
    'de_at': 'de_AT.ISO8859-1', 'de_be': 'de_BE.ISO8859-1', 'de_ch': 'de_CH.ISO8859-1',
    'de_de': 'de_DE.ISO8859-1', 'de_it': 'de_IT.ISO8859-1', 'de_li.utf8': 'de_LI.UTF-8',
    'de_lu': 'de_LU.ISO8859-1', 'dutch': 'nl_NL.ISO8859-1', 'dutch.iso88591': 'nl_BE.ISO8859-1',
    'el': 'el_GR.ISO8859-7', 'el_cy': 'el_CY.ISO8859-7', 'el_gr': 'el_GR.ISO8859-7',
    'el_gr@euro': 'el_GR.ISO8859-15', 'en': 'en_US.ISO8859-1', 'en_ag': 'en_AG.UTF-8',
    'en_au': 'en_AU.ISO8859-1', 'en_be': 'en_BE.ISO8859-1', 'en_bw': 'en_BW.ISO8859-1',
    'en_ca': 'en_CA.ISO8859-1', 'en_dk': 'en_DK.ISO8859-1', 'en_dl.utf8': 'en_DL.UTF-8',
    'en_gb': 'en_GB.ISO8859-1', 'en_hk': 'en_HK.ISO8859-1', 'en_ie': 'en_IE.ISO8859-1',
    'en_il': 'en_IL.UTF-8', 'en_in': 'en_IN.ISO8859-1', 'en_ng': 'en_NG.UTF-8',
    'en_nz': 'en_NZ.ISO8859-1', 'en_ph': 'en_PH.ISO8859-1', 'en_sc.utf8': 'en_SC.UTF-8',
    'en_sg': 'en_SG.ISO8859-1', 'en_uk': 'en_GB.ISO8859-1', 'en_us': 'en_US.ISO8859-1',
    'en_us@euro@euro': 'en_US.ISO8859-15', 'en_za': 'en_ZA.ISO8859-1', 'en_zm': 'en_ZM.UTF-8',
    'en_zw': 'en_ZW.ISO8859-1', 'en_zw.utf8': 'en_ZS.UTF-8', 'english': 'en_EN.ISO8859-1',
    'english.iso88591': 'en_US.ISO8859-1', 'english_uk': 'en_GB.ISO8859-1',
    'english_united-states': 'en_US.ISO8859-1', 'english_united-states.437': 'C',
    'english_us': 'en_US.ISO8859-1', 'es': 'es_ES.ISO8859-1', 'es_ar': 'es_AR.ISO8859-1',
    'es_bo': 'es_BO.ISO8859-1', 'es_cl': 'es_CL.ISO8859-1', 'es_co': 'es_CO.ISO8859-1',
    'es_cr': 'es_CR.ISO8859-1', 'es_cu': 'es_CU.UTF-8', 'es_do': 'es_DO.ISO8859-1',
    'es_ec': 'es_EC.ISO8859-1', 'es_es': 'es_ES.ISO8859-1', 'es_gt': 'es_GT.ISO8859-1',
    'es_hn': 'es_HN.ISO8859-1', 'es_mx': 'es_MX.ISO8859-1', 'es_ni': 'es_NI.ISO8859-1',
    'es_pa': 'es_PA.ISO8859-1', 'es_pe': 'es_PE.ISO8859-1', 'es_pr': 'es_PR.ISO8859-1',
    'es_py': 'es_PY.ISO8859-1', 'es_sv': 'es_SV.ISO8859-1', 'es_us': 'es_US.ISO8859-1',
    'es_uy': 'es_UY.ISO8859-1', 'es_ve': 'es_VE.ISO8859-1', 'et': 'et_EE.ISO8859-15',
    'et_ee': 'et_EE.ISO8859-15', 'eu': 'eu_ES.ISO8859-1', 'eu_es': 'eu_ES.ISO8859-1',
    'eu_fr': 'eu_FR.ISO8859-1', 'fi': 'fi_FI.ISO8859-15', 'fi_fi': 'fi_FI.ISO8859-15',
    'finnish': 'fi_FI.ISO8859-1', 'fr': 'fr_FR.ISO8859-1', 'fr_be': 'fr_BE.ISO8859-1',
    'fr_ca': 'fr_CA.ISO8859-1', 'fr_ch': 'fr_CH.ISO8859-1', 'fr_fr': 'fr_FR.ISO8859-1',
    'fr_lu': 'fr_LU.ISO8859-1', 'french': 'fr_FR.ISO8859-1', 'french.iso88591': 'fr_CH.ISO8859-1',
    'french_france': 'fr_FR.ISO8859-1', 'ga': 'ga_IE.ISO8859-1', 'ga_ie': 'ga_IE.ISO8859-1',
    'german': 'de_DE.ISO8859-1', 'german.iso88591': 'de_CH.ISO8859-1',
    'german_germany': 'de_DE.ISO8859-1', 'gl': 'gl_ES.ISO8859-1', 'gl_es': 'gl_ES.ISO8859-1',
    'greek': 'el_GR.ISO8859-7', 'he': 'he_IL.ISO8859-8', 'he_il': 'he_IL.ISO8859-8',
    'hebrew': 'he_IL.ISO8859-8', 'hi': 'hi_IN.ISCII-DEV', 'hi_in': 'hi_IN.ISCII-DEV',
    'hi_in.isciidev': 'hi_IN.ISCII-DEV', 'hr': 'hr_HR.ISO8859-2', 'hr_hr': 'hr_HR.ISO8859-2',
    'hu': 'hu_HU.ISO8859-2', 'hu_hu': 'hu_HU.ISO8859-2', 'hungarian': 'hu_HU.ISO8859-2',
    'id': 'id_ID.ISO8859-1', 'id_id': 'id_ID.ISO8859-1', 'is': 'is_IS.ISO8859-1',
    'is_is': 'is_IS.ISO8859-1', 'iso-8859-1': 'en_US.ISO8859-1', 'iso8859-1': 'en_US.ISO8859-1',
    'it': 'it_IT.ISO8859-1', 'it_ch': 'it_CH.ISO8859-1', 'it_it': 'it_IT.ISO8859-1',
    'italian': 'it_IT.ISO8859-1', 'ja': 'ja_JP.eucJP', 'ja_jp': 'ja_JP.eucJP',
    'ja_jp.euc': 'ja_JP.eucJP', 'ja_jp.mscode': 'ja_JP.SJIS', 'ja_jp.pck': 'ja_JP.SJIS',
    'japanese': 'ja_JP.eucJP', 'japanese.euc': 'ja_JP.eucJP', 'ko': 'ko_KR.eucKR',
    'ko_kr': 'ko_KR.eucKR', 'ko_kr.euc': 'ko_KR.eucKR', 'korean': 'ko_KR.eucKR',
    'korean.euc': 'ko_KR.eucKR', 'lt': 'lt_LT.ISO8859-13', 'lt_lt': 'lt_LT.ISO8859-13',
    'lv': 'lv_LV.ISO8859-13', 'lv_lv': 'lv_LV.ISO8859-13', 'nb': 'nb_NO.ISO8859-1',
    'nb_no': 'nb_NO.ISO8859-1', 'nl': 'nl_NL.ISO8859-1', 'nl_aw': 'nl_AW.UTF-8',
    'nl_be': 'nl_BE.ISO8859-1', 'nl_nl': 'nl_NL.ISO8859-1', 'nn': 'nn_NO.ISO8859-1',
    'nn_no': 'nn_NO.ISO8859-1', 'no': 'no_NO.ISO8859-1', 'no@nynorsk': 'ny_NO.ISO8859-1',
    'no_no': 'no_NO.ISO8859-1', 'no_no.iso88591@bokmal': 'no_NO.ISO8859-1',
    'no_no.iso88591@nynorsk': 'no_NO.ISO8859-1', 'norwegian': 'no_NO.ISO8859-1',
    'pl': 'pl_PL.ISO8859-2', 'pl_pl': 'pl_PL.ISO8859-2', 'polish': 'pl_PL.ISO8859-2',
    'portuguese': 'pt_PT.ISO8859-1', 'portuguese_brazil': 'pt_BR.ISO8859-1', 'posix': 'C',
    'pt': 'pt_PT.ISO8859-1', 'pt_br': 'pt_BR.ISO8859-1', 'pt_pt': 'pt_PT.ISO8859-1',
    'ro': 'ro_RO.ISO8859-2', 'ro_ro': 'ro_RO.ISO8859-2', 'ru': 'ru_RU.UTF-8', 'ru_ru': 'ru_RU.UTF-8',
    'ru_ua': 'ru_UA.KOI8-U', 'russian': 'ru_RU.KOI8-R', 'sk': 'sk_SK.ISO8859-2',
    'sk_sk': 'sk_SK.ISO8859-2', 'sl': 'sl_SI.ISO8859-2', 'sl_cs': 'sl_CS.ISO8859-2',
    'sl_si': 'sl_SI.ISO8859-2', 'spanish': 'es_ES.ISO8859-1', 'spanish_spain': 'es_ES.ISO8859-1',
    'sr': 'sr_RS.UTF-8', 'sr@cyrillic': 'sr_RS.UTF-8', 'sr@latn': 'sr_CS.UTF-8@latin',
    'sr_cs': 'sr_CS.UTF-8', 'sr_cs.iso88592@latn': 'sr_CS.ISO8859-2',
    'sr_cs@latn': 'sr_CS.UTF-8@latin', 'sr_me': 'sr_ME.UTF-8', 'sr_rs': 'sr_RS.UTF-8',
    'sr_rs@latn': 'sr_RS.UTF-8@latin', 'sr_sp': 'sr_CS.ISO8859-2', 'sr_yu': 'sr_RS.UTF-8@latin',
    'sr_yu.cp1251@cyrillic': 'sr_CS.CP1251', 'sr_yu.iso88592': 'sr_CS.ISO8859-2',
    'sr_yu.iso88595': 'sr_CS.ISO8859-5', 'sr_yu.iso88595@cyrillic': 'sr_CS.ISO8859-5',
    'sr_yu.microsoftcp1251@cyrillic': 'sr_CS.CP1251', 'sr_yu.utf8': 'sr_RS.UTF-8',
    'sr_yu.utf8@cyrillic': 'sr_RS.UTF-8', 'sr_yu@cyrillic': 'sr_RS.UTF-8', 'sv': 'sv_SE.ISO8859-1',
    'sv_fi': 'sv_FI.ISO8859-1', 'sv_se': 'sv_SE.ISO8859-1', 'swedish': 'sv_SE.ISO8859-1',
    'th': 'th_TH.ISO8859-11', 'th_th': 'th_TH.ISO8859-11', 'th_th.tactis': 'th_TH.TIS620',
    'th_th.tis620': 'th_TH.TIS620', 'tr': 'tr_TR.ISO8859-9', 'tr_cy': 'tr_CY.ISO8859-9',
    'tr_tr': 'tr_TR.ISO8859-9', 'turkish': 'tr_TR.ISO8859-9', 'uk': 'uk_UA.KOI8-U',
    'uk_ua': 'uk_UA.KOI8-U', 'universal': 'en_US.utf', 'universal.utf8@ucs4': 'en_US.UTF-8',
    'vi': 'vi_VN.TCVN', 'vi_vn': 'vi_VN.TCVN', 'vi_vn.tcvn': 'vi_VN.TCVN',
    'vi_vn.tcvn5712': 'vi_VN.TCVN', 'vi_vn.viscii': 'vi_VN.VISCII', 'vi_vn.viscii111': 'vi_VN.VISCII',
    'zh': 'zh_CN.eucCN', 'zh_cn': 'zh_CN.gb2312', 'zh_cn.big5': 'zh_TW.big5',
    'zh_cn.euc': 'zh_CN.eucCN', 'zh_hk': 'zh_HK.big5hkscs', 'zh_hk.big5hk': 'zh_HK.big5hkscs',
    'zh_sg': 'zh_SG.GB2312', 'zh_sg.gbk': 'zh_SG.GBK', 'zh_tw': 'zh_TW.big5',
    'zh_tw.euc': 'zh_TW.eucTW', 'zh_tw.euctw': 'zh_TW.eucTW',
}


def _with_encoding(code, encoding):
    lang = code.partition('.')[0]
    key = encoding.lower().replace('-', '').replace('_', '')
    name = _ENCODING_NAMES.get(key)
    if name is None:
        name = locale_encoding_alias.get(encoding.lower(), encoding.replace('-', '_'))
    return lang + '.' + name


def _with_modifier(code, modifier):
    if modifier == 'euro':
        if '.' not in code:
            return code + '.ISO8859-15'
        enc = code.partition('.')[2]
        if enc in ('ISO8859-15', 'UTF-8'):
            return code
        if enc == 'ISO8859-1':
            return _with_encoding(code, 'ISO8859-15')
    return code + '@' + modifier


def normalize(localename):
    code = localename.lower()
    if ':' in code:
        code = code.replace(':', '.')
    code, _, modifier = code.partition('@')
    lang, _, encoding = code.partition('.')
    encoding = encoding.split('.')[0]
    lang_enc = lang + '.' + encoding.replace('-', '').replace('_', '') if encoding else lang
    found = locale_alias.get(lang_enc + '@' + modifier if modifier else lang_enc)
    if found is not None:
        return found
    if modifier:
        found = locale_alias.get(lang_enc)
        if found is not None:
            if '@' not in found:
                return _with_modifier(found, modifier)
            if found.split('@', 1)[1].lower() == modifier:
                return found
    if encoding:
        found = locale_alias.get(lang + '@' + modifier if modifier else lang)
        if found is not None:
            base, at, mod = found.partition('@')
            return _with_encoding(base, encoding) + at + mod
        if modifier:
            found = locale_alias.get(lang)
            if found is not None:
                base, at, mod = found.partition('@')
                if not at:
                    return _with_modifier(_with_encoding(base, encoding), modifier)
                if mod.lower() == modifier:
                    return _with_encoding(base, encoding) + '@' + mod
    return localename
`);
