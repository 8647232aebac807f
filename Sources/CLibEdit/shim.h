#ifndef TRAPPE_CLIBEDIT_SHIM_H
#define TRAPPE_CLIBEDIT_SHIM_H

/*
 * Non-variadic wrappers around libedit for Swift.
 *
 * el_set, el_get and history are variadic, which Swift cannot call, and Swift 6
 * rejects the C globals stdin/stdout/stderr, so every call the LineEditing
 * module needs is spelled out here as a small static inline function.
 */

#include <histedit.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <wchar.h>

/* A prompt callback: returns the prompt text for the editor. */
typedef char *(*trappe_prompt_fn)(EditLine *);
/* An editor function bound to a key: returns one of the CC_* codes. */
typedef unsigned char (*trappe_editor_fn)(EditLine *, int);
/* A read-character callback: stores one character, returns 1, 0 at EOF, -1 on error. */
typedef int (*trappe_getc_fn)(EditLine *, wchar_t *);

/* Creates an editor on the standard streams. */
static inline EditLine *trappe_el_init(const char *prog) {
  return el_init(prog, stdin, stdout, stderr);
}

/* Sets the prompt callback. */
static inline int trappe_el_set_prompt(EditLine *el, trappe_prompt_fn fn) {
  return el_set(el, EL_PROMPT, fn);
}

/* Chooses the key bindings: "emacs" or "vi". */
static inline int trappe_el_set_editor(EditLine *el, const char *mode) {
  return el_set(el, EL_EDITOR, mode);
}

/* Stores an opaque pointer the callbacks can get back. */
static inline int trappe_el_set_clientdata(EditLine *el, void *data) {
  return el_set(el, EL_CLIENTDATA, data);
}

/* Returns the pointer stored with trappe_el_set_clientdata, or NULL. */
static inline void *trappe_el_get_clientdata(EditLine *el) {
  void *data = NULL;
  if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
  return data;
}

/* Adds a named editor function. */
static inline int trappe_el_addfn(EditLine *el, const char *name, const char *help,
                                  trappe_editor_fn fn) {
  return el_set(el, EL_ADDFN, name, help, fn);
}

/* Binds a key sequence (e.g. "^I") to a named editor function. */
static inline int trappe_el_bind(EditLine *el, const char *key, const char *fn) {
  return el_set(el, EL_BIND, key, fn, (const char *)NULL);
}

/* Replaces the function that reads one character from the terminal. */
static inline int trappe_el_set_getcfn(EditLine *el, trappe_getc_fn fn) {
  return el_set(el, EL_GETCFN, fn);
}

/* Redraws the prompt and line from scratch. */
static inline int trappe_el_refresh(EditLine *el) {
  return el_set(el, EL_REFRESH);
}

/* Puts the terminal into (on != 0) or out of the editor's raw mode. */
static inline int trappe_el_prep_term(EditLine *el, int on) {
  return el_set(el, EL_PREP_TERM, on);
}

/* Connects a history list to the editor, for Up/Down and searching. */
static inline int trappe_el_set_hist(EditLine *el, History *h) {
  return el_set(el, EL_HIST, history, h);
}

/* Adds an entry to the history as a new event. */
static inline int trappe_history_enter(History *h, const char *entry) {
  HistEvent ev;
  return history(h, &ev, H_ENTER, entry);
}

/* Loads a history file; returns the number of entries or -1. */
static inline int trappe_history_load(History *h, const char *path) {
  HistEvent ev;
  return history(h, &ev, H_LOAD, path);
}

/* Saves the history to a file; returns the number of entries or -1. */
static inline int trappe_history_save(History *h, const char *path) {
  HistEvent ev;
  return history(h, &ev, H_SAVE, path);
}

/* The history file text for the single entry `entry` (the file's first line, then the entry
   encoded as libedit stores it), in a malloc'd string the caller frees; NULL on failure.
   A scratch history is used so exactly this entry is written, however H_NSAVE_FP counts,
   and an anonymous temporary file, because libedit fchmods the stream it saves to. */
static inline char *trappe_history_encode(const char *entry) {
  FILE *fp = tmpfile();
  if (fp == NULL) return NULL;
  HistEvent ev;
  History *scratch = history_init();
  int ok = scratch != NULL;
  if (ok) {
    history(scratch, &ev, H_SETSIZE, 1);
    ok = history(scratch, &ev, H_ENTER, entry) >= 0 && history(scratch, &ev, H_SAVE_FP, fp) >= 0;
    history_end(scratch);
  }
  long size = ok && fflush(fp) == 0 ? ftell(fp) : -1;
  char *buffer = size >= 0 ? malloc((size_t)size + 1) : NULL;
  if (buffer != NULL) {
    rewind(fp);
    if (fread(buffer, 1, (size_t)size, fp) != (size_t)size) {
      free(buffer);
      buffer = NULL;
    } else {
      buffer[size] = 0;
    }
  }
  fclose(fp);
  return buffer;
}

/* Limits the history to size entries. */
static inline int trappe_history_setsize(History *h, int size) {
  HistEvent ev;
  return history(h, &ev, H_SETSIZE, size);
}

/* Skips entering an entry equal to the previous one when unique != 0. */
static inline int trappe_history_setunique(History *h, int unique) {
  HistEvent ev;
  return history(h, &ev, H_SETUNIQUE, unique);
}

/* The number of entries in the history. */
static inline int trappe_history_count(History *h) {
  HistEvent ev;
  if (history(h, &ev, H_GETSIZE) < 0) return 0;
  return ev.num;
}

/* Moves to the newest entry and returns it, or NULL when empty. */
static inline const char *trappe_history_first(History *h) {
  HistEvent ev;
  if (history(h, &ev, H_FIRST) < 0) return NULL;
  return ev.str;
}

/* Moves to the next older entry and returns it, or NULL at the end. */
static inline const char *trappe_history_next(History *h) {
  HistEvent ev;
  if (history(h, &ev, H_NEXT) < 0) return NULL;
  return ev.str;
}

/* The number of terminal columns a character takes (declared here because
   glibc hides wcwidth unless _XOPEN_SOURCE is defined before any include). */
int wcwidth(wchar_t c);

/* The number of terminal columns c takes, or -1 when it is not printable. */
static inline int trappe_wcwidth(wchar_t c) {
  return wcwidth(c);
}

#endif
