/*
 * banned.h - functions that invite buffer overflows or hidden state.
 * Included last by every .c file (through common.h); using one of these is
 * a compile error. Use struct buf (buf.h) for text instead.
 */
#ifndef BANNED_H
#define BANNED_H

#define BANNED(f) sorry_##f##_is_banned_use_buf_h

#undef strcpy
#define strcpy(a, b) BANNED(strcpy)
#undef strcat
#define strcat(a, b) BANNED(strcat)
#undef strncpy
#define strncpy(a, b, n) BANNED(strncpy)
#undef strncat
#define strncat(a, b, n) BANNED(strncat)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(a, b) BANNED(strtok)
#undef gets
#define gets(a) BANNED(gets)
#undef atoi
#define atoi(a) BANNED(atoi)

#endif
