/* nplot's command line: getopt_long into cli_opts, the help text and --version. */
#include "nplot_cli.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const kind_names[CLI_NKINDS] = {
    [CLI_LINE] = "line",       [CLI_SCATTER] = "scatter", [CLI_STEP] = "step",
    [CLI_AREA] = "area",       [CLI_STACK] = "stack",     [CLI_BAR] = "bar",
    [CLI_BARH] = "barh",       [CLI_HIST] = "hist",       [CLI_BOX] = "box",
    [CLI_HEATMAP] = "heatmap", [CLI_HEXBIN] = "hexbin",   [CLI_SURFACE] = "surface",
    [CLI_WIREFRAME] = "wireframe", [CLI_PIE] = "pie",
};

const char *cli_kind_name(cli_kind k)
{
    return (unsigned)k < CLI_NKINDS ? kind_names[k] : "?";
}

int cli_kind_parse(const char *s)
{
    static const struct { const char *alias; cli_kind k; } aliases[] = {
        { "lines", CLI_LINE },   { "plot", CLI_LINE },    { "points", CLI_SCATTER },
        { "steps", CLI_STEP },   { "stackplot", CLI_STACK }, { "stacked", CLI_STACK },
        { "histogram", CLI_HIST }, { "boxplot", CLI_BOX }, { "imshow", CLI_HEATMAP },
        { "image", CLI_HEATMAP }, { "columns", CLI_BAR },  { "surf", CLI_SURFACE },
        { "wire", CLI_WIREFRAME },
    };
    for (int k = 0; k < CLI_NKINDS; k++)
        if (strcmp(s, kind_names[k]) == 0) return k;
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(s, aliases[i].alias) == 0) return (int)aliases[i].k;
    return -1;
}

void cli_print_version(FILE *f)
{
    fprintf(f, "nplot (numc) %s\n", NPLOT_VERSION_STRING);
}

void cli_print_help(FILE *f)
{
    fputs(
"Usage: nplot [OPTIONS] FILE.csv\n"
"Plot the columns of a CSV file (or '-' for standard input) to PNG, SVG or PDF.\n"
"\n"
"With no options the first column is x when it is monotonic (numbers or dates),\n"
"otherwise the row number; every other numeric column is a line; the output is\n"
"FILE.png in the current directory.\n"
"\n"
"Input:\n"
"  -d, --delimiter C     field delimiter: ',' ';' '|' 'tab' 'space' (default: detected)\n"
"      --no-header       the first row is data (columns are then named by index)\n"
"      --header          the first row is a header even if it looks numeric\n"
"      --decimal C       decimal mark '.' or ',' (default: detected; '1,5' with ';')\n"
"      --no-dates        never treat a column as dates\n"
"      --transpose       plot each row as a series over the columns (a wide table\n"
"                        whose header is years, 1990,1991,..., is read this way\n"
"                        by itself when it has at most 10 rows)\n"
"\n"
"Columns (a name, a 1-based index, a negative index from the end, or a range):\n"
"  -x, --x COL           the x column (default: see above)\n"
"  -y, --y COLS          y columns: 'a,b', '2:4', 'year:cpi', '3,-1' (default: all\n"
"                        numeric columns other than x)\n"
"      --sep COL         one series per distinct value of COL (groups)\n"
"\n"
"Kinds (-k, --kind):\n"
"  line (default), scatter, step, area, stack, bar, barh, hist, box, heatmap,\n"
"  hexbin, surface, wireframe, pie\n"
"      --bins N          hist: number of bins (default: automatic); hexbin: grid size\n"
"      --density         hist: normalise to a probability density\n"
"\n"
"Output:\n"
"  -o, --output FILE     .png, .svg or .pdf (default: FILE.png); '-' writes to stdout\n"
"      --to FORMAT       png, svg or pdf, whatever the output's extension\n"
"  -s, --size WxH        image size in pixels (default 800x600), or inches: 8x6in\n"
"      --dpi N           dots per inch (default 100; a larger dpi alone keeps the size\n"
"                        in inches and gives more pixels)\n"
"\n"
"Appearance:\n"
"  -t, --title TEXT      title\n"
"      --xlabel TEXT     x axis label (default: the x column's name)\n"
"      --ylabel TEXT     y axis label (default: the y column's name when there is one)\n"
"      --logx, --logy    logarithmic axes (--loglog: both)\n"
"      --xlim LO:HI      x view limits; either side may be empty ('0:' or ':100');\n"
"      --ylim LO:HI      dates as 2001-01-01,2002-06-30. Without --ylim the y range\n"
"                        fits the points inside the --xlim window (as gnuplot does),\n"
"                        not the whole file\n"
"      --grid            draw a grid\n"
"      --legend LOC      'best', 'upper left', ... or 'none' (default: shown when\n"
"                        there are several series)\n"
"      --subplots        one panel per y column, sharing x\n"
"      --style NAME      default, ggplot, seaborn-whitegrid, dark_background, bmh,\n"
"                        grayscale\n"
"      --theme dark      the same as --style dark_background (light: default)\n"
"      --cmap NAME       colormap for heatmap, hexbin, surface (default viridis)\n"
"  -f, --format FMT      printf format of the value axis tick labels, e.g. '%.1f%%'\n"
"      --xformat FMT     printf format of the x tick labels\n"
"      --color C         color of a single series (name, #rrggbb, C0..C9)\n"
"      --marker M        marker for line/scatter: o . s ^ v d x + *\n"
"      --linewidth W     line width in points\n"
"      --alpha A         opacity 0..1\n"
"\n"
"  -q, --quiet           no messages other than errors\n"
"  -v, --verbose         also say how the axes were laid out (y range fitted to\n"
"                        --xlim, category labels: size, rotation, thinning)\n"
"  -h, --help            this help\n"
"  -V, --version         version\n"
"\n",
        f);
    fputs(
"Limits: at most 16384 columns in a file (a longer line is refused before it is\n"
"read), 256 series drawn (more are named on stderr), tick formats of width and\n"
"precision up to 64, images up to 32767 pixels a side, date axes within years\n"
"-1000000..1000000. Input is UTF-8; UTF-16 with a byte order mark is decoded and\n"
"other non-UTF-8 bytes are read as Latin-1 (with a note); NUL bytes are refused.\n"
"\n"
"Exit status: 0 ok, 1 bad command line, 2 the data cannot be read or plotted,\n"
"3 the output cannot be written. Errors name the file, line and column.\n"
"\n"
"Examples:\n"
"  nplot sunspots.csv                          line plot -> sunspots.png\n"
"  nplot co2.csv -o co2.svg --title 'CO2 ppm'  dates in YYYYMMDD become a date axis\n"
"  nplot macrodata.csv -x year -y realgdp,realcons --logy\n"
"  nplot macrodata.csv -y 3:5 --subplots -s 1000x800\n"
"  nplot statecrime.csv -k barh -y murder      text column -> categorical axis\n"
"  nplot elnino.csv -k heatmap --cmap coolwarm one row per YEAR, one column per month\n"
"  nplot data.csv -k hist -y 2 --bins 50 --density\n"
"  nplot data.csv -k scatter -x height -y weight --sep sex\n"
"  seq 10 | nplot - --no-header -o squares.png\n"
"  nplot european.csv --decimal , -d ';'\n",
        f);
}

/* "800x600", "800,600", "8x6in" → pixels or inches. */
static bool parse_size(const char *s, cli_opts *o)
{
    char *end;
    errno = 0;
    double w = strtod(s, &end);
    if (end == s || (*end != 'x' && *end != 'X' && *end != ',')) return false;
    const char *p = end + 1;
    double h = strtod(p, &end);
    if (end == p || errno) return false;
    if (!(w > 0 && h > 0 && w <= 1e9 && h <= 1e9)) return false;
    if (strcmp(end, "in") == 0) {
        o->inch_w = w;
        o->inch_h = h;
        o->width = o->height = 0;
        return true;
    }
    if (*end && strcmp(end, "px") != 0) return false;
    if (w != floor(w) || h != floor(h) || w < 16 || h < 16) return false;
    if (w > 1e9 || h > 1e9) return false;
    o->width = (int)w;
    o->height = (int)h;
    o->inch_w = o->inch_h = 0;
    return true;
}

double cli_date_limit(double v, bool was_date)
{
    if (!was_date && v >= 1000 && v <= 9999 && v == floor(v))
        return (double)cli_days_from_civil((int64_t)v, 1, 1);
    return v;
}

/* One limit: empty → NaN (automatic), a number, or a date (→ days, *is_date set). */
static bool parse_limit(const char *s, size_t n, double *v, bool *is_date)
{
    *is_date = false;
    while (n && isspace((unsigned char)*s)) s++, n--;
    while (n && isspace((unsigned char)s[n - 1])) n--;
    if (n == 0) {
        *v = NAN;
        return true;
    }
    char tmp[64];
    if (n >= sizeof tmp) return false;
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    char *end;
    double x = strtod(tmp, &end);
    if (end != tmp && *end == '\0' && isfinite(x)) {
        *v = x;
        return true;
    }
    int what;
    return *is_date = cli_parse_datetime(tmp, n, v, &what);
}

/* "LO:HI" or "LO,HI" (the comma form lets dates carry times with ':'). */
static bool parse_lim(const char *s, double lim[2], bool is_date[2])
{
    const char *sep = strchr(s, ',');
    if (!sep) {
        /* A colon between two values: the first colon not inside a time "HH:MM". */
        sep = strchr(s, ':');
        if (!sep) return false;
    }
    if (!parse_limit(s, (size_t)(sep - s), &lim[0], &is_date[0])) return false;
    if (!parse_limit(sep + 1, strlen(sep + 1), &lim[1], &is_date[1])) return false;
    return !(lim[0] == lim[1]);
}

static bool parse_delimiter(const char *s, char *d)
{
    if (strcmp(s, "tab") == 0 || strcmp(s, "\\t") == 0 || strcmp(s, "\t") == 0) *d = '\t';
    else if (strcmp(s, "space") == 0 || strcmp(s, "whitespace") == 0 || strcmp(s, " ") == 0)
        *d = ' ';
    else if (strcmp(s, "comma") == 0) *d = ',';
    else if (strcmp(s, "semicolon") == 0) *d = ';';
    else if (strcmp(s, "pipe") == 0) *d = '|';
    else if (strlen(s) == 1 && s[0] != '"' && s[0] != '\n' && s[0] != '\r') *d = s[0];
    else return false;
    return true;
}

static bool parse_double(const char *s, double lo, double hi, double *v)
{
    char *end;
    errno = 0;
    double x = strtod(s, &end);
    if (end == s || *end || errno || !(x >= lo && x <= hi)) return false;
    *v = x;
    return true;
}

enum {
    OPT_NO_HEADER = 256, OPT_HEADER, OPT_DECIMAL, OPT_XLABEL, OPT_YLABEL, OPT_DPI, OPT_LOGX,
    OPT_LOGY, OPT_LOGLOG, OPT_XLIM, OPT_YLIM, OPT_STYLE, OPT_THEME, OPT_CMAP, OPT_LEGEND,
    OPT_GRID, OPT_SUBPLOTS, OPT_SEP, OPT_BINS, OPT_DENSITY, OPT_XFORMAT, OPT_TO, OPT_COLOR,
    OPT_MARKER, OPT_LINEWIDTH, OPT_ALPHA, OPT_NO_DATES, OPT_TRANSPOSE, OPT_VERBOSE
};

static const struct option long_opts[] = {
    { "x", required_argument, NULL, 'x' },
    { "y", required_argument, NULL, 'y' },
    { "kind", required_argument, NULL, 'k' },
    { "output", required_argument, NULL, 'o' },
    { "delimiter", required_argument, NULL, 'd' },
    { "title", required_argument, NULL, 't' },
    { "size", required_argument, NULL, 's' },
    { "format", required_argument, NULL, 'f' },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { "no-header", no_argument, NULL, OPT_NO_HEADER },
    { "header", no_argument, NULL, OPT_HEADER },
    { "decimal", required_argument, NULL, OPT_DECIMAL },
    { "no-dates", no_argument, NULL, OPT_NO_DATES },
    { "xlabel", required_argument, NULL, OPT_XLABEL },
    { "ylabel", required_argument, NULL, OPT_YLABEL },
    { "dpi", required_argument, NULL, OPT_DPI },
    { "logx", no_argument, NULL, OPT_LOGX },
    { "logy", no_argument, NULL, OPT_LOGY },
    { "loglog", no_argument, NULL, OPT_LOGLOG },
    { "xlim", required_argument, NULL, OPT_XLIM },
    { "ylim", required_argument, NULL, OPT_YLIM },
    { "style", required_argument, NULL, OPT_STYLE },
    { "theme", required_argument, NULL, OPT_THEME },
    { "cmap", required_argument, NULL, OPT_CMAP },
    { "legend", required_argument, NULL, OPT_LEGEND },
    { "grid", no_argument, NULL, OPT_GRID },
    { "subplots", no_argument, NULL, OPT_SUBPLOTS },
    { "sep", required_argument, NULL, OPT_SEP },
    { "by", required_argument, NULL, OPT_SEP },
    { "bins", required_argument, NULL, OPT_BINS },
    { "density", no_argument, NULL, OPT_DENSITY },
    { "xformat", required_argument, NULL, OPT_XFORMAT },
    { "to", required_argument, NULL, OPT_TO },
    { "color", required_argument, NULL, OPT_COLOR },
    { "marker", required_argument, NULL, OPT_MARKER },
    { "linewidth", required_argument, NULL, OPT_LINEWIDTH },
    { "alpha", required_argument, NULL, OPT_ALPHA },
    { "transpose", no_argument, NULL, OPT_TRANSPOSE },
    { "verbose", no_argument, NULL, OPT_VERBOSE },
    { NULL, 0, NULL, 0 },
};

/* A printf format for one double: exactly one conversion among f F e E g G (with flags,
 * width and precision); "%%" is a literal percent sign. Width and precision are at most
 * CLI_MAX_FMT_WIDTH: every tick label is formatted with it, and "%999999999.0f" would
 * make each one a gigabyte. Returns NULL or why the format is refused. */
const char *cli_format_check(const char *s)
{
    int conv = 0;
    for (const char *p = s; *p; p++) {
        if (*p != '%') continue;
        if (p[1] == '%') {
            p++;
            continue;
        }
        p++;
        while (*p && strchr("-+ #0'", *p)) p++;
        long width = 0, prec = 0;
        while (isdigit((unsigned char)*p)) {
            if (width <= CLI_MAX_FMT_WIDTH) width = width * 10 + (*p - '0');
            p++;
        }
        if (*p == '.') {
            p++;
            while (isdigit((unsigned char)*p)) {
                if (prec <= CLI_MAX_FMT_WIDTH) prec = prec * 10 + (*p - '0');
                p++;
            }
        }
        if (!*p || !strchr("fFeEgG", *p))
            return "one printf conversion for a number, e.g. '%.2f' or '%g km'; write %% for "
                   "a percent sign";
        if (width > CLI_MAX_FMT_WIDTH || prec > CLI_MAX_FMT_WIDTH)
            return "width and precision are at most 64: a tick label is a few characters, "
                   "and a huge width makes every label that long";
        conv++;
    }
    if (conv != 1)
        return "one printf conversion for a number, e.g. '%.2f' or '%g km'; write %% for a "
               "percent sign";
    if (strlen(s) > CLI_MAX_FMT_LEN) return "at most 256 characters";
    return NULL;
}

static bool one_of(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(s, *list) == 0) return true;
    return false;
}

static const char *const legend_locs[] = {
    "best", "upper right", "upper left", "lower left", "lower right", "right", "center left",
    "center right", "lower center", "upper center", "center", "none", "auto", NULL
};
static const char *const markers[] = {
    ".", ",", "o", "v", "^", "<", ">", "1", "2", "3", "4", "8", "s", "p", "P", "*", "h",
    "H", "+", "x", "X", "D", "d", "|", "_", NULL
};

#define USAGE(...)                                                  \
    do {                                                            \
        fprintf(err, "nplot: " __VA_ARGS__);                        \
        fputs("\nTry 'nplot --help' for more information.\n", err); \
        return CLI_EXIT_USAGE;                                      \
    } while (0)

/* Sentinel of the option helpers: the option was not theirs. */
enum { NOT_MINE = -100 };

/* Phase 1a: what to read and which columns. */
static int option_input(int c, cli_opts *o, FILE *err)
{
    switch (c) {
    case 'x': o->xcol = optarg; return CLI_EXIT_OK;
    case 'y': o->ycols = optarg; return CLI_EXIT_OK;
    case OPT_SEP: o->sepcol = optarg; return CLI_EXIT_OK;
    case 'd':
        if (!parse_delimiter(optarg, &o->delimiter))
            USAGE("bad delimiter '%s' (one character, or tab, space, comma, semicolon, "
                  "pipe)", optarg);
        return CLI_EXIT_OK;
    case OPT_NO_HEADER: o->header = -1; return CLI_EXIT_OK;
    case OPT_HEADER: o->header = 1; return CLI_EXIT_OK;
    case OPT_DECIMAL:
        if (strcmp(optarg, ".") != 0 && strcmp(optarg, ",") != 0)
            USAGE("bad decimal mark '%s' (use . or ,)", optarg);
        o->decimal = optarg[0];
        return CLI_EXIT_OK;
    case OPT_NO_DATES: o->no_dates = true; return CLI_EXIT_OK;
    case OPT_TRANSPOSE: o->transpose = true; return CLI_EXIT_OK;
    case 'k': {
        int k = cli_kind_parse(optarg);
        if (k < 0)
            USAGE("unknown kind '%s' (line, scatter, step, area, stack, bar, barh, hist, "
                  "box, heatmap, hexbin, surface, wireframe, pie)", optarg);
        o->kind = (cli_kind)k;
        o->kind_set = true;
        return CLI_EXIT_OK;
    }
    case OPT_BINS: {
        double b;
        if (!parse_double(optarg, 1, 100000, &b) || b != floor(b))
            USAGE("bad --bins '%s' (a whole number from 1 to 100000)", optarg);
        o->bins = (int)b;
        return CLI_EXIT_OK;
    }
    case OPT_DENSITY: o->density = true; return CLI_EXIT_OK;
    default: return NOT_MINE;
    }
}

/* Phase 1b: where and how big the output is. */
static int option_output(int c, cli_opts *o, FILE *err)
{
    switch (c) {
    case 'o': o->output = optarg; return CLI_EXIT_OK;
    case 's':
        if (!parse_size(optarg, o))
            USAGE("bad size '%s' (WIDTHxHEIGHT in pixels, e.g. 800x600, or inches, "
                  "e.g. 8x6in)", optarg);
        o->size_arg = optarg;
        return CLI_EXIT_OK;
    case OPT_DPI:
        if (!parse_double(optarg, 10, 2400, &o->dpi))
            USAGE("bad dpi '%s' (a number from 10 to 2400)", optarg);
        return CLI_EXIT_OK;
    case OPT_TO:
        if (strcmp(optarg, "png") != 0 && strcmp(optarg, "svg") != 0 &&
            strcmp(optarg, "pdf") != 0)
            USAGE("unknown output format '%s' (png, svg or pdf)", optarg);
        o->format = optarg;
        return CLI_EXIT_OK;
    case 'q': o->quiet = true; return CLI_EXIT_OK;
    case 'v':
    case OPT_VERBOSE: o->verbose = true; return CLI_EXIT_OK;
    default: return NOT_MINE;
    }
}

/* Phase 1c: text, scales, limits, formats. */
static int option_axes(int c, cli_opts *o, FILE *err)
{
    const char *why;
    switch (c) {
    case 't': o->title = optarg; return CLI_EXIT_OK;
    case OPT_XLABEL: o->xlabel = optarg; return CLI_EXIT_OK;
    case OPT_YLABEL: o->ylabel = optarg; return CLI_EXIT_OK;
    case 'f':
        if ((why = cli_format_check(optarg)))
            USAGE("bad tick format '%s' (%s)", optarg, why);
        o->yfmt = optarg;
        return CLI_EXIT_OK;
    case OPT_XFORMAT:
        if ((why = cli_format_check(optarg)))
            USAGE("bad tick format '%s' (%s)", optarg, why);
        o->xfmt = optarg;
        return CLI_EXIT_OK;
    case OPT_LOGX: o->logx = true; return CLI_EXIT_OK;
    case OPT_LOGY: o->logy = true; return CLI_EXIT_OK;
    case OPT_LOGLOG: o->logx = o->logy = true; return CLI_EXIT_OK;
    case OPT_XLIM:
        if (!parse_lim(optarg, o->xlim, o->xlim_date))
            USAGE("bad --xlim '%s' (LO:HI, LO: or :HI; numbers or dates)", optarg);
        o->has_xlim = true;
        return CLI_EXIT_OK;
    case OPT_YLIM:
        if (!parse_lim(optarg, o->ylim, o->ylim_date))
            USAGE("bad --ylim '%s' (LO:HI, LO: or :HI)", optarg);
        o->has_ylim = true;
        return CLI_EXIT_OK;
    case OPT_GRID: o->grid = true; return CLI_EXIT_OK;
    case OPT_SUBPLOTS: o->subplots = true; return CLI_EXIT_OK;
    case OPT_LEGEND:
        if (!one_of(optarg, legend_locs))
            USAGE("unknown legend location '%s' (best, upper right, upper left, lower left, "
                  "lower right, right, center left, center right, lower center, upper "
                  "center, center, or none)", optarg);
        o->legend = optarg;
        return CLI_EXIT_OK;
    default: return NOT_MINE;
    }
}

/* Phase 1d: colours, markers, lines. */
static int option_style(int c, cli_opts *o, FILE *err)
{
    switch (c) {
    case OPT_STYLE: o->style = optarg; return CLI_EXIT_OK;
    case OPT_THEME:
        if (strcmp(optarg, "dark") == 0) o->theme = "dark_background";
        else if (strcmp(optarg, "light") == 0 || strcmp(optarg, "default") == 0)
            o->theme = "default";
        else
            USAGE("unknown theme '%s' (dark or light)", optarg);
        return CLI_EXIT_OK;
    case OPT_CMAP: o->cmap = optarg; return CLI_EXIT_OK;
    case OPT_COLOR: o->color = optarg; return CLI_EXIT_OK;
    case OPT_MARKER:
        if (!one_of(optarg, markers))
            USAGE("unknown marker '%s' (one of . , o v ^ < > 1 2 3 4 8 s p P * h H + x X D d "
                  "| _)", optarg);
        o->marker = optarg;
        return CLI_EXIT_OK;
    case OPT_LINEWIDTH:
        if (!parse_double(optarg, 0, 100, &o->linewidth) || o->linewidth == 0)
            USAGE("bad --linewidth '%s' (points, more than 0)", optarg);
        return CLI_EXIT_OK;
    case OPT_ALPHA:
        if (!parse_double(optarg, 0, 1, &o->alpha))
            USAGE("bad --alpha '%s' (0 to 1)", optarg);
        return CLI_EXIT_OK;
    default: return NOT_MINE;
    }
}

/* Phase 1: every option, through the helper of its group. */
static int parse_options(int argc, char **argv, cli_opts *o, FILE *out, FILE *err)
{
    static int (*const groups[])(int, cli_opts *, FILE *) = {
        option_input, option_output, option_axes, option_style
    };
    opterr = 0;
    optind = 0; /* 0 reinitialises glibc's getopt so the tests may call this repeatedly */
    int c;
    while ((c = getopt_long(argc, argv, ":x:y:k:o:d:t:s:f:qvhV", long_opts, NULL)) != -1) {
        if (c == 'h') {
            cli_print_help(out);
            return CLI_EXIT_HELP;
        }
        if (c == 'V') {
            cli_print_version(out);
            return CLI_EXIT_HELP;
        }
        if (c == ':') {
            if (optopt) USAGE("option -%c needs a value", optopt);
            USAGE("option '%s' needs a value", argv[optind - 1]);
        }
        int rc = NOT_MINE;
        for (size_t g = 0; g < sizeof groups / sizeof groups[0] && rc == NOT_MINE; g++)
            rc = groups[g](c, o, err);
        if (rc == NOT_MINE) {
            if (optopt) USAGE("unknown option -%c", optopt);
            USAGE("unknown option '%s'", argv[optind - 1]);
        }
        if (rc != CLI_EXIT_OK) return rc;
    }
    return CLI_EXIT_OK;
}

/* Phase 2: the input file (one, or standard input). */
static int parse_operands(int argc, char **argv, cli_opts *o, FILE *err)
{
    if (optind < argc) o->input = argv[optind++];
    if (optind < argc) USAGE("one input file only (got '%s' too)", argv[optind]);
    if (!o->input) {
        if (isatty(STDIN_FILENO)) USAGE("no input file (use - for standard input)");
        o->input = "-";
    }
    return CLI_EXIT_OK;
}

/* Phase 3: the output format from --to or the output's extension. */
static int choose_format(cli_opts *o, FILE *err)
{
    if (o->output && !o->format) {
        const char *dot = strrchr(o->output, '.');
        const char *slash = strrchr(o->output, '/');
        if (strcmp(o->output, "-") == 0) {
            o->format = "png";
        } else if (dot && (!slash || dot > slash)) {
            if (strcasecmp(dot, ".png") == 0) o->format = "png";
            else if (strcasecmp(dot, ".svg") == 0) o->format = "svg";
            else if (strcasecmp(dot, ".pdf") == 0) o->format = "pdf";
            else USAGE("cannot tell the format of '%s' (use .png, .svg or .pdf, or --to)",
                       o->output);
        } else {
            o->format = "png";
        }
    }
    if (!o->format) o->format = "png";
    return CLI_EXIT_OK;
}

/* Phase 4: --size and --dpi together give a pixel size the renderer can make. */
static int check_size(cli_opts *o, FILE *err)
{
    if (!o->size_arg) return CLI_EXIT_OK;
    double dpi = o->dpi > 0 ? o->dpi : 100;
    double pw = o->inch_w > 0 ? o->inch_w * dpi : o->width;
    double ph = o->inch_h > 0 ? o->inch_h * dpi : o->height;
    if (pw > CLI_MAX_PIXELS || ph > CLI_MAX_PIXELS)
        USAGE("size '%s' is too large: %.0fx%.0f pixels at %g dpi (at most %d pixels a side)",
              o->size_arg, pw, ph, dpi, CLI_MAX_PIXELS);
    if (pw < 16 || ph < 16)
        USAGE("size '%s' is too small: %.3gx%.3g pixels at %g dpi (at least 16 pixels a side)",
              o->size_arg, pw, ph, dpi);
    return CLI_EXIT_OK;
}

int cli_parse_args(int argc, char **argv, cli_opts *o, FILE *out, FILE *err)
{
    memset(o, 0, sizeof *o);
    o->xlim[0] = o->xlim[1] = o->ylim[0] = o->ylim[1] = NAN;
    int rc = parse_options(argc, argv, o, out, err);
    if (rc == CLI_EXIT_OK) rc = parse_operands(argc, argv, o, err);
    if (rc == CLI_EXIT_OK) rc = choose_format(o, err);
    if (rc == CLI_EXIT_OK) rc = check_size(o, err);
    return rc;
}
