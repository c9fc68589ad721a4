/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "amparo-html-text.h"
#include "amparo-markup.h"

static void
assert_converts (const char *html,
                 const char *expected)
{
  g_autofree char *text = amparo_html_to_simple_text (html, -1);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_formatting (void)
{
  assert_converts ("<p>One <b>bold</b> and <em>soft</em> word.</p><p>Two</p>",
                   "One **bold** and *soft* word.\n\nTwo");
  assert_converts ("<p><strong> spaced </strong>out</p>", "**spaced** out");
  assert_converts ("<p>line<br>break</p>", "line\nbreak");
  assert_converts ("<b></b><i> </i>", "");
  assert_converts ("<h2>DECLARACIÓN</h2><p>Texto</p>", "**DECLARACIÓN**\n\nTexto");
  assert_converts ("<p><b>a<br>b</b></p>", "**a**\n**b**");
  assert_converts ("<strong><b>x</b></strong>", "**x**");
}

static void
test_lists (void)
{
  assert_converts ("<p>We demand:</p><ol><li>End MPP,</li><li> Rescind <b>Title 42</b></li></ol><p>Done.</p>",
                   "We demand:\n\n1. End MPP,\n2. Rescind **Title 42**\n\nDone.");
  assert_converts ("<ol start=\"4\"><li>four</li><li>five</li></ol>", "4. four\n5. five");
  assert_converts ("<ul><li>one</li><li>two</li></ul>", "• one\n• two");
}

static void
test_entities (void)
{
  assert_converts ("<p>Biden&rsquo;s &amp; ICE&#8217;s &lt;orders&gt;&nbsp;now</p>",
                   "Biden’s & ICE’s <orders> now");
  assert_converts ("a * b [c]", "a \\* b \\[c\\]");
}

static void
test_sanitizing (void)
{
  g_autofree char *text = NULL;

  assert_converts ("<p>Hi<script>alert('x')</script> there</p><style>p{}</style>",
                   "Hi there");
  assert_converts ("<p onclick=\"steal()\" onmouseover='x()'>Safe</p>", "Safe");
  assert_converts ("<a href=\"javascript:alert(1)\">click</a>", "click");
  assert_converts ("<a href=\" java\tscript:alert(1)\">click</a>", "click");
  assert_converts ("<a href=\"JAVASCRIPT:alert(1)\">x</a>", "x");
  assert_converts ("<a href=\"data:text/html,hi\">x</a>", "x");
  assert_converts ("<a href=\"https://example.org/a b(c)\" onclick=\"x()\">the order</a>",
                   "[the order](https://example.org/a%20b%28c%29)");
  assert_converts ("<a href=\"mailto:press@example.org\">write</a>",
                   "[write](mailto:press@example.org)");
  assert_converts ("<iframe src=\"https://evil.example\">x</iframe><img src=x onerror=alert(1)>ok",
                   "ok");

  text = amparo_html_to_simple_text ("<p>a</p><svg><script>alert(1)</script></svg>"
                                     "<object data=x>y</object><noscript>n</noscript>", -1);
  g_assert_cmpstr (text, ==, "a");
}

static void
test_plain (void)
{
  g_autofree char *text = amparo_html_to_plain_text ("<p>Know <b>Your</b> Rights</p><p>&amp; more</p>", -1);
  g_autofree char *collapsed = amparo_text_collapse_whitespace ("  a \n\t b  ");

  g_assert_cmpstr (text, ==, "Know Your Rights & more");
  g_assert_cmpstr (collapsed, ==, "a b");
}

static void
test_hostile (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *invalid = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "<div><b>");
  g_string_append (deep, "deep");
  text = amparo_html_to_simple_text (deep->str, deep->len);
  g_assert_nonnull (text);

  invalid = amparo_html_to_simple_text ("<p>\xff\xfe caf\xc3</p>", -1);
  g_assert_true (g_utf8_validate (invalid, -1, NULL));

  g_free (amparo_html_to_simple_text (NULL, -1));
  g_free (amparo_html_to_simple_text ("", 0));
}

/* WordPress sends emoji as images; their alt is the emoji. Other images
 * keep their description. */
static void
test_images (void)
{
  assert_converts ("<p>Families reunited <img draggable=\"false\" role=\"img\" class=\"emoji\" "
                   "alt=\"🎉\" src=\"https://s.w.org/images/core/emoji/14.0.0/svg/1f389.svg\"></p>",
                   "Families reunited 🎉");
  assert_converts ("<p>We <img class=\"wp-smiley\" alt=\"❤️\" src=\"x.png\"> you</p>", "We ❤️ you");
  assert_converts ("<figure><img src=\"rally.jpg\" alt=\"Rally outside the court\"></figure><p>Text</p>",
                   "[Rally outside the court]\n\nText");
  assert_converts ("<p><img src=\"spacer.gif\" alt=\"\">Only text</p>", "Only text");
}

/* An imported post comes back out the same on the website and reads the
 * same in the preview and the PDF: one renderer for the format. */
static void
test_round_trip (void)
{
  const char *site = "<p>Price: 5 * 3 [approx]</p>\n<ol start=\"4\">\n<li>four</li>\n<li>five</li>\n</ol>\n"
                     "<p>Rosa&#39;s line<br>next</p>\n";
  g_autofree char *text = amparo_html_to_simple_text (site, -1);
  g_autofree char *html = amparo_markup_render (text, AMPARO_MARKUP_HTML);
  g_autofree char *plain = amparo_markup_render (text, AMPARO_MARKUP_PLAIN);
  g_autofree char *pango = amparo_markup_render (text, AMPARO_MARKUP_PANGO);

  g_assert_cmpstr (html, ==, site);
  /* What staff see in the preview and print: the signs, not escapes. */
  g_assert_cmpstr (plain, ==, "Price: 5 * 3 [approx]\n\n4. four\n5. five\n\nRosa's line\nnext\n");
  g_assert_null (strchr (pango, '\\'));
  g_assert_true (amparo_markup_is_safe_link ("HTTPS://example.org"));
  g_assert_false (amparo_markup_is_safe_link ("https://"));
  g_assert_false (amparo_markup_is_safe_link ("javascript:alert(1)"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/net/html-text/formatting", test_formatting);
  g_test_add_func ("/net/html-text/lists", test_lists);
  g_test_add_func ("/net/html-text/entities", test_entities);
  g_test_add_func ("/net/html-text/sanitizing", test_sanitizing);
  g_test_add_func ("/net/html-text/plain", test_plain);
  g_test_add_func ("/net/html-text/hostile", test_hostile);
  g_test_add_func ("/net/html-text/images", test_images);
  g_test_add_func ("/net/html-text/round-trip", test_round_trip);

  return g_test_run ();
}
