#pragma once

#include <QString>

namespace NetPoke {

class PacketLogModel;

// Writes the log's rows (pending ones too) to fileName: CSV when it ends in .csv, else one line of text
// per row. False, with the reason in *error, when the file cannot be written.
bool writePacketLog(PacketLogModel &model, const QString &fileName, QString *error = nullptr);

} // namespace NetPoke
