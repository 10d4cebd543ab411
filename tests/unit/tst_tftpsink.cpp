#include <QTest>
class tst_x : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(tst_x)
#include "tst_tftpsink.moc"
