/* Autorelease scopes: every nd_array handle created while a scope is open on the
 * calling thread is listed in the innermost scope and freed by nd_scope_end, unless
 * nd_keep moved it out first. The stack is thread-local, so threads never share a scope.
 * An array freed early with nd_free leaves an empty slot (no double free). */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

struct nd__scope {
    struct nd__scope *parent;
    nd_array **items;
    size_t n, cap;
};

static _Thread_local struct nd__scope *top;

nd_status nd_scope_begin(void)
{
    struct nd__scope *s = nd_calloc(1, sizeof *s, "nd_scope_begin");
    if (!s) return nd_last_error();
    s->parent = top;
    top = s;
    return ND_OK;
}

static nd_status add(struct nd__scope *s, nd_array *a, const char *who)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 16;
        nd_array **it = nd_malloc(cap * sizeof *it, who);
        if (!it) return nd_last_error();
        if (s->n) memcpy(it, s->items, s->n * sizeof *it);
        nd_free_mem(s->items);
        s->items = it;
        s->cap = cap;
    }
    a->scope = s;
    a->scope_slot = s->n;
    s->items[s->n++] = a;
    return ND_OK;
}

nd_status nd__scope_register(nd_array *a, const char *who)
{
    if (!top) return ND_OK;
    if (add(top, a, who) == ND_OK) return ND_OK;
    nd_free(a); /* unscoped: a plain free */
    return nd_last_error();
}

void nd__scope_forget(nd_array *a)
{
    struct nd__scope *s = a->scope;
    if (!s) return;
    s->items[a->scope_slot] = NULL;
    /* trailing empty slots are reused: temporaries freed in order cost no memory */
    while (s->n && !s->items[s->n - 1]) s->n--;
    a->scope = NULL;
}

nd_array *nd_keep(nd_array *a)
{
    if (!a || !a->scope) return a;
    struct nd__scope *parent = a->scope->parent;
    nd__scope_forget(a);
    if (parent && add(parent, a, "nd_keep") < 0) {
        /* cannot list it in the enclosing scope: better a leak than a dangling pointer */
        a->scope = NULL;
    }
    return a;
}

nd_status nd_scope_end(void)
{
    struct nd__scope *s = top;
    if (!s) return nd_set_error(ND_EVALUE, "nd_scope_end: no scope is open on this thread");
    top = s->parent;
    for (size_t i = s->n; i-- > 0;) {
        nd_array *a = s->items[i];
        if (!a) continue;
        a->scope = NULL;
        nd_free(a);
    }
    nd_free_mem(s->items);
    nd_free_mem(s);
    return ND_OK;
}

int nd_scope_depth(void)
{
    int d = 0;
    for (const struct nd__scope *s = top; s; s = s->parent) d++;
    return d;
}
