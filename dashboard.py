"""The dashboard's entry point (``streamlit run dashboard.py``): the pages and the sidebar.

Streamlit runs this file on every rerun, then the page the learner chose. What it
draws belongs to no page, so the sidebar's α and k keep their values on every page
with no code copying them (Streamlit's multipage pattern, st.navigation); the pages
read them through ui.state.shared(). Page titles are texts (ui/texts/app.py) in the
session's language (the URL's ?lang=, or the sidebar's select); the URL paths are fixed
(ui/nav.py). The shared settings (corpus, power, k) are in every page's URL: a link opens
with them (ui.links.link_shared), and so is presentation mode (ui.present), one switch
for every page.
"""
import streamlit as st

from ui import class_server, links, present, state, static_table, uploader
from ui.i18n import sync_language, texts
from ui.nav import PAGES
from ui.texts.app import TEXT

st.set_page_config(layout="wide")  # once, for every page
sync_language()  # ?lang=ja in the URL, kept across pages
T = texts(TEXT)
pages = [st.Page(path, title=T[title], url_path=url or None, default=not url)
         for path, url, title in PAGES]
page = st.navigation(pages)
if links.link_shared() and page is not pages[0]:  # ?corpus=upload: Home asks for the file
    st.switch_page(pages[0])
present.page_config()  # after the link: ?present=true folds the sidebar on first load
state.shared_sidebar()
present.style()
links.link_notes()  # values of the link that were ignored, at the top of the page
class_server.moved_note()  # a class server's learner whose process died: the model is lost
class_server.server_marker()
uploader.style()  # the uploaders' button and limit in the session's language
static_table.style()  # a Japanese word in a table kept whole
page.run()
links.link_page_written()  # the page's own settings, as its widgets now hold them
